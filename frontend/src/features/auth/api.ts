import { apiRequest } from '../../lib/api';

export type Role = 'STAFF' | 'SUPERVISOR' | 'MANAGER' | 'AUDITOR' | 'ADMIN';

/** Permissions of their own beside the roles: CSV出力 and 帳票印刷 (R12). */
export type Permission = 'EXPORT' | 'PRINT' | 'REVEAL_MY_NUMBER';

export interface Me {
  username: string;
  displayName: string;
  roles: Role[];
  /** Always sent by the server; optional so that older fixtures and sessions need not name it. */
  permissions?: Permission[];
  department: { code: string; name: string };
  /** The password has expired: nothing but changing it works until it is changed (R08). */
  passwordChangeRequired?: boolean;
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiRequest<void>('/me/password', { method: 'POST', body: { currentPassword, newPassword } });
}

export function login(username: string, password: string): Promise<Me> {
  return apiRequest<Me>('/auth/login', {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
    ignoreUnauthorized: true,
  });
}

export function logout(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST', ignoreUnauthorized: true });
}

export function fetchMe(): Promise<Me> {
  return apiRequest<Me>('/me', { ignoreUnauthorized: true });
}
