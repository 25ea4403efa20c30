import { apiRequest } from '../../lib/api';

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
