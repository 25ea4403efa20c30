import { formatWarekiDateTime } from '../../../lib/date';
import type { StatusMatch } from '../api';

const OUTCOME_BADGES: Record<NonNullable<StatusMatch['outcomeCode']>, string> = {
  EXEMPT: 'badge badge-eligible',
  NOT_EXEMPT: 'badge badge-not-eligible',
  INCONCLUSIVE: 'badge badge-upcoming',
};

/** Every recorded check of the status, oldest first: what the decision rests on (R26). */
export function MatchTable({ matches }: { matches: StatusMatch[] }) {
  if (matches.length === 0) {
    return <p className="empty">まだ照合していません。</p>;
  }
  return (
    <table className="data-table" data-testid="match-table">
      <thead>
        <tr>
          <th scope="col">日時</th>
          <th scope="col">照合先・確認した資料</th>
          <th scope="col">結果</th>
          <th scope="col">住民税</th>
          <th scope="col">生活保護</th>
          <th scope="col">判定</th>
          <th scope="col">確認者</th>
          <th scope="col">備考</th>
        </tr>
      </thead>
      <tbody>
        {matches.map((match) => (
          <tr key={match.id} data-testid="match-row">
            <td>{formatWarekiDateTime(match.recordedAt ?? match.requestedAt)}</td>
            <td>{match.source}</td>
            <td>{match.result}</td>
            <td>{match.localTaxStatus ?? '—'}</td>
            <td>{match.assistanceStatus ?? '—'}</td>
            <td>
              {match.outcomeCode ? (
                <span className={OUTCOME_BADGES[match.outcomeCode]} title={match.reason ?? undefined}>
                  {match.outcome}
                </span>
              ) : (
                '—'
              )}
            </td>
            <td>{match.checkedBy}</td>
            <td>{match.note ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
