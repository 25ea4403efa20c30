import { formatWarekiDateTime } from '../../../lib/date';
import type { StatusMatch } from '../api';
import { DataTable } from '../../../components/DataTable';

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
    <DataTable
      columns={['日時', '照合先・確認した資料', '結果', '住民税', '生活保護', '判定', '確認者', '備考']}
      testId="match-table"
    >
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
    </DataTable>
  );
}
