import { LegalHoldsSection } from '../components/LegalHoldsSection';
import { RetentionRunsSection } from '../components/RetentionRunsSection';
import type { RetentionArea } from '../api';

/** Retention runs and legal holds, for the auditor (under 監査ログ) and the administrator alike (R27). */
export function RetentionPage({ area }: { area: RetentionArea }) {
  return (
    <section>
      <h1>保存期間と保全措置</h1>
      <LegalHoldsSection area={area} />
      <RetentionRunsSection area={area} />
    </section>
  );
}
