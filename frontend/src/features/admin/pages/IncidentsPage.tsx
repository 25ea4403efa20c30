import { useQuery } from '@tanstack/react-query';
import { ErrorMessage, Notice } from '../../../components/Message';
import { QueryTable } from '../../../components/QueryTable';
import { formatWarekiDateTime } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { retryIncident, incidentsQuery } from '../api';

/** Failed automatic steps (e.g. a national system that did not answer) and their retry. */
export function IncidentsPage() {
  const incidents = useQuery(incidentsQuery());
  const { run, message, error } = useAction();

  async function retry(id: string) {
    await run(() => retryIncident(id), '再実行を予約しました。しばらくしてから一覧を更新してください。');
  }

  return (
    <section>
      <h1>障害一覧</h1>
      <p>
        自動処理（外部システムへの照会など）が再試行後も失敗した手順です。原因が解消してから再実行してください。案件はその手順で待機しています。
      </p>
      {message && <Notice>{message}</Notice>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <QueryTable
        query={incidents}
        empty="障害はありません。"
        columns={['業務', '手順', '案件', '内容', '発生日時', '']}
        tableTestId="incident-table"
        row={(incident) => (
          <tr key={incident.id}>
            <td>{incident.processName}</td>
            <td>{incident.step}</td>
            <td>{incident.caseId ? `#${incident.caseId}` : '—'}</td>
            <td>{incident.message ?? '—'}</td>
            <td>{formatWarekiDateTime(incident.occurredAt)}</td>
            <td>
              <button type="button" onClick={() => void retry(incident.id)}>
                再実行
              </button>
            </td>
          </tr>
        )}
      />
    </section>
  );
}
