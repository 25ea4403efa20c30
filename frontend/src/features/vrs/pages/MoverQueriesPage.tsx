import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ListPage } from '../../../components/ListPage';
import { formatWarekiDateTime } from '../../../lib/date';
import { MOVER_QUERY_PROCESS_KEY, moverQueriesQuery, moverQueryEnded } from '../api';

const OUTCOMES = { FOUND: '記録あり', NOT_FOUND: '該当者なし' } as const;

/** VRS 転入者の接種記録照会: the queries with their former municipality's code, VRS's answer and status, newest first. */
export function MoverQueriesPage() {
  const queries = useQuery(moverQueriesQuery());

  return (
    <ListPage
      title="転入者の接種記録照会（VRS）"
      query={queries}
      refreshTestId="mover-queries-refresh"
      intro={
        <>
          <p>
            当市への転入者について、転出元市区町村の新型コロナワクチン接種記録をワクチン接種記録システム（VRS）で照会します。
            窓口で本人の同意と本人確認を済ませてから
            <Link to={`/processes?start=${MOVER_QUERY_PROCESS_KEY}`}>業務の開始の「転入者の接種記録照会（VRS）」</Link>
            で記録し、記録した職員以外の上長が承認すると、個人番号が転出元の市区町村コードとともに送られます。
          </p>
          <p>
            転出元に該当者がいないとき（市区町村コードの誤りなど）は「該当者なし」とだけ示されます。
            <Link to="/vrs/certificates">接種証明書の申請</Link>
          </p>
        </>
      }
      empty="照会はまだありません。"
      columns={['番号', '対象の住民', '転出元の市区町村コード', 'VRSの回答', '記録', '状態']}
      tableTestId="mover-query-table"
      row={(query) => {
        const ended = moverQueryEnded(query.status);
        return (
          <tr key={query.id} className={ended ? 'ended' : undefined} data-testid="mover-query-row">
            <td>第{query.id}号</td>
            <td>
              {query.residentName}（{query.addresseeNumber}）
            </td>
            <td>{query.formerMunicipalityCode}</td>
            <td>{query.outcome ? OUTCOMES[query.outcome] : '―'}</td>
            <td>
              {formatWarekiDateTime(query.requestedAt)}（{query.requestedBy}）
            </td>
            <td>
              <span className={ended ? 'badge badge-ended' : 'badge'} data-testid="mover-query-status">
                {query.statusLabel}
              </span>
            </td>
          </tr>
        );
      }}
    />
  );
}
