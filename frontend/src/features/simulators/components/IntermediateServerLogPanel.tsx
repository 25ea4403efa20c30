import { useQuery } from '@tanstack/react-query';
import { ErrorMessage, Loading } from '../../../components/Message';
import { DIRECTION_LABELS, INFORMATION_ITEM_LABELS, intermediateServerLogQuery } from '../api';
import { DataTable } from '../../../components/DataTable';

/** Shows what actually left the city: 符号 and request ids, never a name or an addressee number. */
export function IntermediateServerLogPanel() {
  const log = useQuery(intermediateServerLogQuery());

  return (
    <section className="simulator-panel" aria-labelledby="intermediate-server-log-title">
      <div className="page-heading">
        <h2 id="intermediate-server-log-title">中間サーバーが受け取った内容</h2>
        <button
          type="button"
          data-testid="simulator-log-refresh"
          onClick={() => void log.refetch()}
          disabled={log.isFetching}
        >
          更新
        </button>
      </div>
      <p>新しいものから順に表示します。市区町村の外へ出るのは符号だけで、氏名や宛名番号は含まれません。</p>
      {log.isPending && <Loading />}
      {log.error && <ErrorMessage>{log.error.message}</ErrorMessage>}
      {log.data &&
        (log.data.length === 0 ? (
          <p className="empty">まだ何も受け取っていません。</p>
        ) : (
          <DataTable columns={['種別', '依頼番号', '符号', '照会する情報', '内容']} testId="simulator-log">
            {log.data.map((entry, index) => (
              // A retried send repeats its request id, so only the position identifies a row.
              <tr key={index} data-testid="simulator-log-row">
                <td>{DIRECTION_LABELS[entry.direction] ?? entry.direction}</td>
                <td>{entry.requestId}</td>
                <td className="code-cell">{entry.networkCode}</td>
                <td>{INFORMATION_ITEM_LABELS[entry.informationItem] ?? entry.informationItem}</td>
                <td className="detail-cell">{entry.detail}</td>
              </tr>
            ))}
          </DataTable>
        ))}
    </section>
  );
}
