import type { Me, Permission, Role } from './session';

export const ROLE_LABELS: Record<Role, string> = {
  STAFF: '担当職員',
  SUPERVISOR: '上長',
  MANAGER: '管理者',
  AUDITOR: 'セキュリティ責任者',
  ADMIN: 'システム管理者',
};

export const PERMISSION_LABELS: Record<Permission, string> = {
  EXPORT: 'CSV出力',
  PRINT: '帳票印刷',
  REVEAL_MY_NUMBER: '個人番号の表示',
};

export function roleLabels(me: Me): string {
  return me.roles.map((role) => ROLE_LABELS[role] ?? role).join('・');
}

/** Case work (tasks, starting processes, resident look-up) is for the office's case workers. */
export function canDoCaseWork(me: Me): boolean {
  return me.roles.includes('STAFF') || me.roles.includes('SUPERVISOR');
}

/** Requests such as information queries go out only after a supervisor approves them. */
export function canApprove(me: Me): boolean {
  return me.roles.includes('SUPERVISOR');
}

export function canAudit(me: Me): boolean {
  return me.roles.includes('AUDITOR');
}

/** The KPI dashboard: counts and durations, for managers and administrators. */
export function canSeeKpis(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes('MANAGER') || me.roles.includes('ADMIN');
}

export function canAdminister(me: Me): boolean {
  return me.roles.includes('ADMIN');
}

/** Only hides what the user may not do; the server refuses it regardless. */
export function hasPermission(me: Me, permission: Permission): boolean {
  return me.permissions?.includes(permission) ?? false;
}
