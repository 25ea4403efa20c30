import { AbnormalAccessPanel } from '../components/AbnormalAccessPanel';
import { AccountReviewPanel } from '../components/AccountReviewPanel';
import { AuditSearchPanel } from '../components/AuditSearchPanel';
import { CompliancePanel } from '../components/CompliancePanel';
import { ResidentAccessPanel } from '../components/ResidentAccessPanel';
import { VerifyPanel } from '../components/VerifyPanel';
import { useMe } from '../../../lib/auth/AuthProvider';
import { hasPermission } from '../../../lib/auth/roles';

export function AuditPage() {
  const canExport = hasPermission(useMe(), 'EXPORT');
  return (
    <section>
      <h1>監査ログ</h1>
      <VerifyPanel />
      <AbnormalAccessPanel canExport={canExport} />
      <ResidentAccessPanel />
      <AccountReviewPanel />
      <AuditSearchPanel canExport={canExport} />
      <CompliancePanel />
    </section>
  );
}
