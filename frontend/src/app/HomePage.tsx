import { Navigate } from 'react-router-dom';
import { useMe } from '../features/auth/AuthProvider';
import { canAudit, canDoCaseWork, roleLabels } from '../features/auth/roles';

/** Sends each role to its daily work; roles without screens yet get a welcome. */
export function HomePage() {
  const me = useMe();
  if (canDoCaseWork(me)) {
    return <Navigate to="/tasks" replace />;
  }
  if (canAudit(me)) {
    return <Navigate to="/audit" replace />;
  }
  return (
    <section className="welcome">
      <h1>ようこそ</h1>
      <p>
        {me.displayName}さん（{roleLabels(me)}・{me.department.name}）としてログインしています。
      </p>
      <p>この役割で利用できる画面は準備中です。</p>
    </section>
  );
}
