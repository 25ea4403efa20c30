import { Navigate } from 'react-router-dom';
import { useMe } from '../lib/auth/AuthProvider';
import { canAdminister, canApprove, canAudit, canDoCaseWork, canSeeKpis, roleLabels } from '../lib/auth/roles';

/** Sends each role to its daily work; roles without screens yet get a welcome. */
export function HomePage() {
  const me = useMe();
  // Supervisors also do case work, but cases waiting for their approval hold up everyone else.
  if (canApprove(me)) {
    return <Navigate to="/approvals" replace />;
  }
  if (canDoCaseWork(me)) {
    return <Navigate to="/tasks" replace />;
  }
  if (canSeeKpis(me) && !canAdminister(me)) {
    return <Navigate to="/kpi" replace />;
  }
  if (canAudit(me)) {
    return <Navigate to="/audit" replace />;
  }
  if (canAdminister(me)) {
    return <Navigate to="/admin/incidents" replace />;
  }
  if (me.roles.length === 0) {
    return (
      <section className="welcome">
        <h1>利用できる業務がありません</h1>
        <p>
          {me.displayName}さん（{me.department.name}
          ）には、この部署で使える役割がありません。予防接種事務を担当しない部署の所属か、役割が設定されていません。システム管理者に確認してください。
        </p>
      </section>
    );
  }
  return (
    <section className="welcome">
      <h1>ようこそ</h1>
      <p>
        {me.displayName}さん（{roleLabels(me)}・{me.department.name}）としてログインしています。
      </p>
    </section>
  );
}
