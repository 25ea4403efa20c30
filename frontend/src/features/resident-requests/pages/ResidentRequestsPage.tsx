import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorMessage, Loading } from '../../../components/Message';
import { formatWarekiDate, officeToday } from '../../../lib/date';
import { residentRequestsQuery } from '../api';
import { DeadlineBadges } from '../components/DeadlineBadges';

/** 開示等請求: residents' disclosure, correction and suspension requests with their deadlines (R28), newest first. */
export function ResidentRequestsPage() {
  const navigate = useNavigate();
  const requests = useQuery(residentRequestsQuery());
  const today = officeToday();

  return (
    <section>
      <div className="page-heading">
        <h1>開示・訂正・利用停止請求</h1>
        <button type="button" onClick={() => void requests.refetch()} disabled={requests.isFetching}>
          最新の状態に更新
        </button>
      </div>
      <p>
        個人情報の保護に関する法律に基づく請求です。決定の期限は受付日の翌日から数えて30日で、延長は請求者への通知を記録して1回だけ30日です。
        請求は<Link to="/processes?start=ResidentDataRequest">業務の開始の「開示・訂正・利用停止請求」</Link>
        から受け付け、本人確認・決定・上長の承認はタスク一覧で行います。
      </p>
      {requests.isPending && <Loading />}
      {requests.error && <ErrorMessage>{requests.error.message}</ErrorMessage>}
      {requests.data &&
        (requests.data.length === 0 ? (
          <p className="empty">請求はありません。</p>
        ) : (
          <table className="data-table" data-testid="resident-request-table">
            <thead>
              <tr>
                <th scope="col">番号</th>
                <th scope="col">種類</th>
                <th scope="col">対象の住民</th>
                <th scope="col">請求者</th>
                <th scope="col">受付日</th>
                <th scope="col">決定の期限</th>
                <th scope="col">状態</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.map((request) => (
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
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
