import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';
import type { Permission } from '../../lib/auth/session';

/** A step that failed after all its retries; carries codes and ids, never personal data. */
export interface Incident {
  id: string;
  processKey: string;
  processName: string;
  step: string;
  caseId: string | null;
  message: string | null;
  occurredAt: string;
}

export function fetchIncidents(): Promise<Incident[]> {
  return apiRequest<Incident[]>('/admin/incidents');
}

export function retryIncident(id: string): Promise<void> {
  return apiRequest<void>(`/admin/incidents/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}

export type NonDisclosureReason = 'DV_PROTECTION' | 'STALKER_PROTECTION' | 'OTHER';

export const NON_DISCLOSURE_REASON_LABELS: Record<NonDisclosureReason, string> = {
  DV_PROTECTION: 'DV等支援措置',
  STALKER_PROTECTION: 'ストーカー等被害者保護',
  OTHER: 'その他',
};

/** A resident whose information is never provided automatically to the network (R16). */
export interface NonDisclosure {
  addresseeNumber: string;
  reason: NonDisclosureReason;
  setBy: string;
  setAt: string;
}

export interface NonDisclosureRequest {
  addresseeNumber: string;
  reason: NonDisclosureReason | '';
  note: string | null;
}

export function fetchNonDisclosures(): Promise<NonDisclosure[]> {
  return apiRequest<NonDisclosure[]>('/admin/non-disclosure');
}

export function addNonDisclosure(request: NonDisclosureRequest): Promise<void> {
  return apiRequest<void>('/admin/non-disclosure', { method: 'POST', body: request });
}

/** A POST with the number in the body: addressee numbers stay out of URLs and access logs. */
export function removeNonDisclosure(addresseeNumber: string): Promise<void> {
  return apiRequest<void>('/admin/non-disclosure/remove', { method: 'POST', body: { addresseeNumber } });
}

/** An account as administrators manage it (R08, R09); `usable` means it may log in today. */
export interface Account {
  username: string;
  displayName: string;
  departmentCode: string;
  roles: string[];
  permissions: string[];
  enabled: boolean;
  usable: boolean;
  lockedUntil: string | null;
  validFrom: string | null;
  validUntil: string | null;
  lastLoginAt: string | null;
  disabledAt: string | null;
  disabledBy: string | null;
  /** An authenticator app is registered for the second factor of login (R07). */
  secondFactorEnrolled: boolean;
  /** Sent back with an access change, so that a stale screen cannot undo another administrator's change. */
  accessVersion: number;
}

export interface AccountAccess {
  displayName: string;
  departmentCode: string;
  roles: string[];
  permissions: Permission[];
}

export interface NewAccount extends AccountAccess {
  username: string;
  validFrom: string | null;
  validUntil: string | null;
  temporaryPassword: string;
}

export function createAccount(account: NewAccount): Promise<Account> {
  return apiRequest<Account>('/admin/accounts', { method: 'POST', body: account });
}

export function changeAccess(username: string, access: AccountAccess, accessVersion: number): Promise<Account> {
  return apiRequest<Account>(`/admin/accounts/${encodeURIComponent(username)}/access`, {
    method: 'PUT',
    body: { ...access, accessVersion },
  });
}

/** The user must replace it at the next login; the body keeps it out of URLs and logs. */
export function setTemporaryPassword(username: string, temporaryPassword: string): Promise<Account> {
  return apiRequest<Account>(`/admin/accounts/${encodeURIComponent(username)}/temporary-password`, {
    method: 'POST',
    body: { temporaryPassword },
  });
}

export type AccountAction = 'unlock' | 'disable' | 'enable' | 'second-factor/reset';

export function fetchAccounts(): Promise<Account[]> {
  return apiRequest<Account[]>('/admin/accounts');
}

export function changeAccount(username: string, action: AccountAction): Promise<Account> {
  return apiRequest<Account>(`/admin/accounts/${encodeURIComponent(username)}/${action}`, { method: 'POST' });
}

export function setValidity(username: string, validFrom: string, validUntil: string): Promise<Account> {
  return apiRequest<Account>(`/admin/accounts/${encodeURIComponent(username)}/validity`, {
    method: 'PUT',
    body: { validFrom: validFrom || null, validUntil: validUntil || null },
  });
}

/** A department's row of the permission matrix (R06, R12). */
export interface Department {
  code: string;
  name: string;
  /** Does this office's affair: only then do its members' case-work roles count. */
  affair: boolean;
  /** The permissions its members may hold; an account's own grants count only within these. */
  permissions: Permission[];
  members: number;
  version: number;
}

export interface DepartmentChange {
  name: string;
  affair: boolean;
  permissions: Permission[];
  version: number;
}

export function fetchDepartments(): Promise<Department[]> {
  return apiRequest<Department[]>('/admin/departments');
}

export function createDepartment(code: string, name: string): Promise<Department> {
  return apiRequest<Department>('/admin/departments', { method: 'POST', body: { code, name } });
}

export function changeDepartment(code: string, change: DepartmentChange): Promise<Department> {
  return apiRequest<Department>(`/admin/departments/${encodeURIComponent(code)}`, { method: 'PUT', body: change });
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const adminKeys = {
  all: ['admin'] as const,
};

export const departmentsQuery = () =>
  queryOptions({ queryKey: [...adminKeys.all, 'fetchDepartments'] as const, queryFn: () => fetchDepartments() });

export const accountsQuery = () =>
  queryOptions({ queryKey: [...adminKeys.all, 'fetchAccounts'] as const, queryFn: () => fetchAccounts() });

export const incidentsQuery = () =>
  queryOptions({ queryKey: [...adminKeys.all, 'fetchIncidents'] as const, queryFn: () => fetchIncidents() });

export const nonDisclosuresQuery = () =>
  queryOptions({ queryKey: [...adminKeys.all, 'fetchNonDisclosures'] as const, queryFn: () => fetchNonDisclosures() });
