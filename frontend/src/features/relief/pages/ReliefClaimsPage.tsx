import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { ListPage } from '../../../components/ListPage';
import { formatWarekiDate } from '../../../lib/date';
import { reliefClaimsQuery } from '../api';

/** 健康被害救済: the office's relief claims, newest first; each opens its case page. */
export function ReliefClaimsPage() {
  const navigate = useNavigate();
  const claims = useQuery(reliefClaimsQuery());

  return (
    <ListPage
      title="健康被害救済"
      query={claims}
      refreshTestId="relief-refresh"
      intro={
        <>
          <p>
            予防接種健康被害救済制度の請求です。調査委員会、都道府県経由の厚生労働省への進達と認定・否認、市の決定と上長の承認を経てから支給します。
            請求は<Link to="/processes">業務の開始</Link>
            の「健康被害救済の請求」から受け付け、支払は「健康被害救済の支払処理」でまとめて上長の承認を受けます。
          </p>
        </>
      }
      empty="救済請求はありません。"
      columns={['請求番号', '被接種者', '請求者', '予防接種', '受付日', '状態']}
      tableTestId="relief-claim-table"
      row={(claim) => (
        <tr
          key={claim.id}
          className="clickable"
          data-testid="relief-claim-row"
          onClick={() => navigate(`/relief/${claim.id}`)}
        >
          <td>
            <Link to={`/relief/${claim.id}`} onClick={(event) => event.stopPropagation()}>
              #{claim.id}
            </Link>
          </td>
          <td>
            {claim.residentName}（{claim.addresseeNumber}）
          </td>
          <td>{claim.claimantRelation}</td>
          <td>
            {claim.vaccinationClass}類 {claim.vaccine}
          </td>
          <td>{formatWarekiDate(claim.receivedOn)}</td>
          <td>
            <span className="badge">{claim.statusLabel}</span>
            {claim.late && <span className="badge badge-warning">期限経過</span>}
          </td>
        </tr>
      )}
    />
  );
}
