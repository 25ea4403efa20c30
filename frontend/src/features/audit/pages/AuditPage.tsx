import { Link } from 'react-router-dom';
import { AbnormalAccessPanel } from '../components/AbnormalAccessPanel';
import { AccountReviewPanel } from '../components/AccountReviewPanel';
import { AuditSearchPanel } from '../components/AuditSearchPanel';
import { ResidentAccessPanel } from '../components/ResidentAccessPanel';
import { VerifyPanel } from '../components/VerifyPanel';

export function AuditPage() {
  return (
    <section>
      <h1>監査ログ</h1>
      <p>
        <Link to="/audit/retention">保存期間経過データの削除と保全措置</Link>
      </p>
      <VerifyPanel />
      <AbnormalAccessPanel />
      <ResidentAccessPanel />
      <AccountReviewPanel />
      <AuditSearchPanel />
    </section>
  );
}
