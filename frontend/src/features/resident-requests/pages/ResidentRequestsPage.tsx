import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { ListPage } from '../../../components/ListPage';
import { formatWarekiDate, officeToday } from '../../../lib/date';
import { residentRequestsQuery } from '../api';
import { DeadlineBadges } from '../components/DeadlineBadges';

/** 開示等請求: residents' disclosure, correction and suspension requests with their deadlines (R28), newest first. */
export function ResidentRequestsPage() {
  const navigate = useNavigate();
  const requests = useQuery(residentRequestsQuery());
  const today = officeToday();

  return (
    <ListPage
      title="開示・訂正・利用停止請求"
      query={requests}
      intro={
        <>
          <p>
            個人情報の保護に関する法律に基づく請求です。決定の期限は受付日の翌日から数えて30日で、延長は請求者への通知を記録して1回だけ30日です。
            請求は<Link to="/processes?start=ResidentDataRequest">業務の開始の「開示・訂正・利用停止請求」</Link>
            から受け付け、本人確認・決定・上長の承認はタスク一覧で行います。
          </p>
        </>
      }
      empty="請求はありません。"
      columns={['番号', '種類', '対象の住民', '請求者', '受付日', '決定の期限', '状態']}
      tableTestId="resident-request-table"
      row={(request) => (
        <tr
          key={request.id}
          className={request.open ? 'clickable' : 'clickable ended'}
          data-testid="resident-request-row"
          onClick={() => navigate(`/resident-requests/${request.id}`)}
        >
          <td>
            <Link to={`/resident-requests/${request.id}`} onClick={(event) => event.stopPropagation()}>
              第{request.id}号
            </Link>
          </td>
          <td>{request.kindLabel}</td>
          <td>
            {request.residentName}（{request.addresseeNumber}）
          </td>
          <td>{request.requesterTypeLabel}</td>
          <td>{formatWarekiDate(request.receivedOn)}</td>
          <td>
            {formatWarekiDate(request.dueOn)} <DeadlineBadges request={request} today={today} />
          </td>
          <td>
            <span className={request.open ? 'badge' : 'badge badge-ended'}>{request.statusLabel}</span>
          </td>
        </tr>
      )}
    />
  );
}
