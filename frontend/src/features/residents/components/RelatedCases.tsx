import { Link } from 'react-router-dom';
import { formatWarekiDate } from '../../../lib/date';
import type { CaseLink, ReliefClaimLink } from '../api';

/** The resident's co-pay exemption applications and relief claims, each a link to its page. */
export function RelatedCases({
  copayExemptions,
  reliefClaims,
}: {
  copayExemptions: CaseLink[];
  reliefClaims: ReliefClaimLink[];
}) {
  return (
    <section className="case-section" data-testid="related-cases">
      <h2>自己負担免除・健康被害救済</h2>
      {copayExemptions.length === 0 && reliefClaims.length === 0 ? (
        <p>申請・請求はありません。</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>種類</th>
              <th>受付日</th>
              <th>内容</th>
              <th>状況</th>
            </tr>
          </thead>
          <tbody>
            {copayExemptions.map((exemption) => (
              <tr key={`copay-${exemption.id}`} data-testid="related-case-row">
                <td>
                  <Link to={`/copay-exemptions/${exemption.id}`}>自己負担免除 #{exemption.id}</Link>
                </td>
                <td>{formatWarekiDate(exemption.receivedAt)}</td>
                <td>
                  {exemption.vaccine}（{exemption.fiscalYear}）
                </td>
                <td>{exemption.decision ? `${exemption.status}（${exemption.decision}）` : exemption.status}</td>
              </tr>
            ))}
            {reliefClaims.map((claim) => (
              <tr key={`relief-${claim.id}`} data-testid="related-case-row">
                <td>
                  <Link to={`/relief/${claim.id}`}>健康被害救済 #{claim.id}</Link>
                </td>
                <td>{formatWarekiDate(claim.receivedOn)}</td>
                <td>
                  {claim.vaccine}（{claim.vaccinationClass}類）{claim.late ? '・請求期限後' : ''}
                </td>
                <td>{claim.statusLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
