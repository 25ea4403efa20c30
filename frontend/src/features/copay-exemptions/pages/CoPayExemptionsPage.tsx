import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorMessage, Loading } from '../../../components/Message';
import { formatWarekiDateTime } from '../../../lib/date';
import { coPayExemptionsQuery } from '../api';

/** The office's co-pay exemption applications, newest first; the detail page shows the person and the match. */
export function CoPayExemptionsPage() {
  const navigate = useNavigate();
  const applications = useQuery(coPayExemptionsQuery());

  return (
    <section>
      <div className="page-heading">
        <h1>自己負担金免除申請</h1>
        <button
          type="button"
          data-testid="copay-exemptions-refresh"
          onClick={() => void applications.refetch()}
          disabled={applications.isFetching}
        >
          最新の状態に更新
        </button>
      </div>
      <p>
        窓口と電子申請（ぴったりサービス）で受け付けた申請です。住民税の課税状況と生活保護の受給状況を庁内連携で照合し、照合を記録してから決定します。
        窓口の申請は<Link to="/processes">業務の開始</Link>から登録します。
      </p>
      {applications.isPending && <Loading />}
      {applications.error && <ErrorMessage>{applications.error.message}</ErrorMessage>}
      {applications.data &&
        (applications.data.length === 0 ? (
          <p className="empty">免除申請はありません。</p>
        ) : (
          <table className="data-table" data-testid="copay-exemption-table">
            <thead>
              <tr>
                <th scope="col">申請番号</th>
                <th scope="col">受付方法</th>
                <th scope="col">予防接種</th>
                <th scope="col">年度</th>
                <th scope="col">状態</th>
                <th scope="col">決定</th>
                <th scope="col">受付日時</th>
              </tr>
            </thead>
            <tbody>
              {applications.data.map((application) => (
                <tr
                  key={application.id}
                  className={application.ended ? 'clickable ended' : 'clickable'}
                  data-testid="copay-exemption-row"
                  onClick={() => navigate(`/copay-exemptions/${application.id}`)}
                >
                  <td>
                    <Link to={`/copay-exemptions/${application.id}`} onClick={(event) => event.stopPropagation()}>
                      #{application.id}
                    </Link>
                  </td>
                  <td>{application.channel}</td>
                  <td>{application.vaccine}</td>
                  <td>{application.fiscalYear}</td>
                  <td>
                    <span className={application.ended ? 'badge badge-ended' : 'badge'}>{application.status}</span>
                  </td>
                  <td>{application.decision ?? '—'}</td>
                  <td>{formatWarekiDateTime(application.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
