import type { ReactNode } from 'react';
import { ErrorMessage } from '../components/Message';
import type { Me } from '../features/auth/api';
import { useMe } from '../lib/auth/AuthProvider';

interface RequireRoleProps {
  allowed: (me: Me) => boolean;
  children: ReactNode;
}

/** The server enforces roles; this only spares the user a page full of 403 errors. */
export function RequireRole({ allowed, children }: RequireRoleProps) {
  const me = useMe();
  if (!allowed(me)) {
    return <ErrorMessage>この画面を利用する権限がありません。</ErrorMessage>;
  }
  return <>{children}</>;
}
