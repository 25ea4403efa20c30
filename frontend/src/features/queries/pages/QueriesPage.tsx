import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ListPage } from '../../../components/ListPage';
import { formatWarekiDateTime } from '../../../lib/date';
import { myQueriesQuery } from '../api';

/** Lets staff follow their queries to other agencies, which pass approval and a double check out of their sight. */
export function QueriesPage() {
  const queries = useQuery(myQueriesQuery());

  return (
    <ListPage
      title="照会状況"
      query={queries}
      refreshTestId="queries-refresh"
      intro={
        <>
          <p>
            自分が依頼した情報照会の状態です。上長の承認後に送信され、結果は2人の職員が確認してから記録へ保存されます。
          </p>
        </>
      }
      empty="依頼した情報照会はありません。"
      columns={['照会番号', '照会する情報', '根拠規定', '状態', '依頼日時', '送信日時', '回答日時']}
      tableTestId="query-table"
      row={(query) => (
        <tr key={query.id} className={query.ended ? 'ended' : undefined} data-testid="query-row">
          <td>
            <Link to={`/queries/${query.id}`} aria-label={`情報照会 #${query.id} を開く`}>
              #{query.id}
            </Link>
          </td>
          <td>{query.informationItem}</td>
          <td>{query.legalBasis}</td>
          <td>
            <span className={query.ended ? 'badge badge-ended' : 'badge'}>{query.status}</span>
          </td>
          <td>{formatWarekiDateTime(query.requestedAt)}</td>
          <td>{formatWarekiDateTime(query.sentAt)}</td>
          <td>{formatWarekiDateTime(query.answeredAt)}</td>
        </tr>
      )}
    />
  );
}
