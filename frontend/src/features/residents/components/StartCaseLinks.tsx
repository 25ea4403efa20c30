import { Link } from 'react-router-dom';

/** Cases staff start for the resident on the page: each opens its start form with the resident filled in. */
const CASES_FOR_A_RESIDENT = [
  { key: 'LongTermIllnessException', label: '長期療養特例を記録' },
  { key: 'CoPayExemption', label: '自己負担免除の申請' },
  { key: 'ReliefClaim', label: '健康被害救済の請求' },
];

/**
 * Links to the process catalogue with the start form open. The 宛名番号 travels in the navigation's state, never in
 * the URL (no personal data in URLs, where browser history and proxies keep them).
 */
export function StartCaseLinks({ addresseeNumber }: { addresseeNumber: string }) {
  return (
    <section className="case-section" aria-labelledby="start-case-title">
      <h2 id="start-case-title">この住民の業務を開始</h2>
      <div className="actions" data-testid="start-case-links">
        {CASES_FOR_A_RESIDENT.map(({ key, label }) => (
          <Link key={key} to={`/processes?start=${key}`} state={{ values: { addresseeNumber } }}>
            {label}
          </Link>
        ))}
      </div>
    </section>
  );
}
