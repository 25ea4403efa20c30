import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { ListPage } from '../../../components/ListPage';
import { formatWarekiDateTime } from '../../../lib/date';
import { coPayExemptionsQuery } from '../api';

/** The office's co-pay exemption applications, newest first; the detail page shows the person and the match. */
export function CoPayExemptionsPage() {
  const navigate = useNavigate();
  const applications = useQuery(coPayExemptionsQuery());

  return (
    <ListPage
      title="自己負担金免除申請"
      query={applications}
      refreshTestId="copay-exemptions-refresh"
      intro={
        <>
          <p>
            窓口と電子申請（ぴったりサービス）で受け付けた申請です。住民税の課税状況と生活保護の受給状況を庁内連携で照合し、照合を記録してから決定します。
            窓口の申請は<Link to="/processes">業務の開始</Link>から登録します。
          </p>
        </>
      }
      empty="免除申請はありません。"
      columns={['申請番号', '受付方法', '予防接種', '年度', '状態', '決定', '受付日時']}
      tableTestId="copay-exemption-table"
      row={(application) => (
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
      )}
    />
  );
}
