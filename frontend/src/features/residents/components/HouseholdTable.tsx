import { Link, useLocation } from 'react-router-dom';
import { formatWarekiDate } from '../../../lib/date';
import { STATUS_LABELS, type ResidentSummary } from '../api';
import { DataTable } from '../../../components/DataTable';

export function HouseholdTable({ members }: { members: ResidentSummary[] }) {
  const location = useLocation();
  return (
    <section className="case-section" data-testid="household">
      <h2>世帯</h2>
      {members.length === 0 ? (
        <p className="empty">同じ世帯の他の住民はいません。</p>
      ) : (
        <DataTable columns={['氏名', 'カナ', '生年月日', '住民区分']}>
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
        </DataTable>
      )}
    </section>
  );
}
