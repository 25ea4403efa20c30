import { AbnormalAccessPanel } from '../components/AbnormalAccessPanel';
import { AccountReviewPanel } from '../components/AccountReviewPanel';
import { AuditSearchPanel } from '../components/AuditSearchPanel';
import { ResidentAccessPanel } from '../components/ResidentAccessPanel';
import { VerifyPanel } from '../components/VerifyPanel';

export function AuditPage() {
  return (
    <section>
      <h1>監査ログ</h1>
      <VerifyPanel />
      <AbnormalAccessPanel />
      <ResidentAccessPanel />
      <AccountReviewPanel />
      <AuditSearchPanel />
    </section>
  );
}
