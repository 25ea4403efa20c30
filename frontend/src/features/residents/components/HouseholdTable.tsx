import { Link, useLocation } from 'react-router-dom';
import { formatWarekiDate } from '../../../lib/date';
import { STATUS_LABELS, type ResidentSummary } from '../api';

export function HouseholdTable({ members }: { members: ResidentSummary[] }) {
  const location = useLocation();
  return (
    <section className="case-section" data-testid="household">
      <h2>世帯</h2>
      {members.length === 0 ? (
        <p className="empty">同じ世帯の他の住民はいません。</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">氏名</th>
              <th scope="col">カナ</th>
              <th scope="col">生年月日</th>
              <th scope="col">住民区分</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id} data-testid="household-row">
                <td>
                  {/* Passing the state on keeps 「検索結果へ戻る」 pointing at the original search. */}
                  <Link to={`/residents/${member.id}`} state={location.state}>
                    {member.nameKanji}
                  </Link>
                </td>
                <td>{member.nameKana}</td>
                <td>{formatWarekiDate(member.birthDate)}</td>
                <td>{STATUS_LABELS[member.status] ?? member.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
