import { Navigate } from 'react-router-dom';
import { useMe } from '../features/auth/AuthProvider';
import { canAdminister, canApprove, canAudit, canDoCaseWork, canSeeKpis, roleLabels } from '../features/auth/roles';

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
  return (
    <section className="welcome">
      <h1>ようこそ</h1>
      <p>
        {me.displayName}さん（{roleLabels(me)}・{me.department.name}）としてログインしています。
      </p>
    </section>
  );
}
