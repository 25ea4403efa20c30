import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ListPage } from '../../../components/ListPage';
import { useMe } from '../../../lib/auth/AuthProvider';
import { hasPermission } from '../../../lib/auth/roles';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { CERTIFICATE_PROCESS_KEY, certificatePdfUrl, certificatesQuery } from '../api';

const CHANNELS = { COUNTER: '窓口', ELECTRONIC: 'ぴったりサービス' } as const;

/** 新型コロナワクチン接種証明書: the applications with their status, and the issued certificates' PDF for PRINT. */
export function CertificatesPage() {
  const me = useMe();
  const canPrint = hasPermission(me, 'PRINT');
  const certificates = useQuery(certificatesQuery());

  return (
    <ListPage
      title="新型コロナワクチン接種証明書"
      query={certificates}
      intro={
        <p>
          窓口の申請は<Link to={`/processes?start=${CERTIFICATE_PROCESS_KEY}`}>業務の開始の「接種証明書の交付」</Link>
          から受け付けます（ぴったりサービスの電子申請は自動で届きます）。職員が申請内容と接種記録を確認して交付すると、
          証明書（日本語・英語）を印刷できます。印刷には帳票印刷の権限が必要で、印刷は監査ログに記録されます。
          <Link to="/vrs">転入者の接種記録照会</Link>
        </p>
      }
      empty="申請はまだありません。"
      columns={['番号', '申請者', '経路', '種類', '証明書ID', '受付', '状態']}
      tableTestId="certificate-table"
      row={(certificate) => (
        <tr key={certificate.id} data-testid="certificate-row">
          <td>第{certificate.id}号</td>
          <td>
            {certificate.residentName}（{certificate.addresseeNumber}）
          </td>
          <td>{CHANNELS[certificate.channel]}</td>
          <td>{certificate.kind}</td>
          <td>
            {certificate.certificateNumber ? (
              <>
                {certificate.certificateNumber}（{formatWarekiDate(certificate.issuedOn ?? '')}）{' '}
                {canPrint && (
                  <a
                    href={certificatePdfUrl(certificate.id)}
                    target="_blank"
                    rel="noreferrer"
                    data-testid="certificate-pdf"
                  >
                    PDFで表示・印刷
                  </a>
                )}
              </>
            ) : (
              '―'
            )}
          </td>
          <td>{formatWarekiDateTime(certificate.receivedAt)}</td>
          <td>
            <span className={certificate.status === 'CHECKING' ? 'badge' : 'badge badge-ended'}>
              {certificate.statusLabel}
            </span>
          </td>
        </tr>
      )}
    />
  );
}
