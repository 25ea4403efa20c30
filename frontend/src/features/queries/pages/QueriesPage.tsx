import { useQuery } from '@tanstack/react-query';
import { ErrorMessage, Loading } from '../../../components/Message';
import { formatWarekiDateTime } from '../../../lib/date';
import { myQueriesQuery } from '../api';

/** Lets staff follow their queries to other agencies, which pass approval and a double check out of their sight. */
export function QueriesPage() {
  const queries = useQuery(myQueriesQuery());

  return (
    <section>
      <div className="page-heading">
        <h1>照会状況</h1>
        <button
          type="button"
          data-testid="queries-refresh"
          onClick={() => void queries.refetch()}
          disabled={queries.isFetching}
        >
          最新の状態に更新
        </button>
      </div>
      <p>自分が依頼した情報照会の状態です。上長の承認後に送信され、結果は2人の職員が確認してから記録へ保存されます。</p>
      {queries.isPending && <Loading />}
      {queries.error && <ErrorMessage>{queries.error.message}</ErrorMessage>}
      {queries.data &&
        (queries.data.length === 0 ? (
          <p className="empty">依頼した情報照会はありません。</p>
        ) : (
          <table className="data-table" data-testid="query-table">
            <thead>
              <tr>
                <th scope="col">照会番号</th>
                <th scope="col">照会する情報</th>
                <th scope="col">根拠規定</th>
                <th scope="col">状態</th>
                <th scope="col">依頼日時</th>
                <th scope="col">送信日時</th>
                <th scope="col">回答日時</th>
              </tr>
            </thead>
            <tbody>
              {queries.data.map((query) => (
                <tr key={query.id} className={query.ended ? 'ended' : undefined} data-testid="query-row">
                  <td>#{query.id}</td>
                  <td>{query.informationItem}</td>
                  <td>{query.legalBasis}</td>
                  <td>
                    <span className={query.ended ? 'badge badge-ended' : 'badge'}>{query.status}</span>
                  </td>
                  <td>{formatWarekiDateTime(query.requestedAt)}</td>
                  <td>{formatWarekiDateTime(query.sentAt)}</td>
                  <td>{formatWarekiDateTime(query.answeredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
