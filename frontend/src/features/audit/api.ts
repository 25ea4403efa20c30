import { apiRequest, query } from '../../lib/api';

export interface AuditVerification {
  intact: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

export interface AuditEvent {
  id: number;
  occurredAt: string;
  username: string;
  operation: string;
  residentId: string | null;
  clientAddress: string | null;
  detail: string | null;
}

export interface AuditCriteria {
  username: string;
  residentId: string;
  operation: string;
  /** YYYY-MM-DD, first day included. */
  from: string;
  /** YYYY-MM-DD, last day included. */
  to: string;
}

export interface AuditEventPage {
  items: AuditEvent[];
  page: number;
  size: number;
  total: number;
}

const AUDIT_PAGE_SIZE = 50;

export function verifyAuditLog(): Promise<AuditVerification> {
  return apiRequest<AuditVerification>('/audit/verify');
}

export function searchAuditEvents(criteria: AuditCriteria, page: number): Promise<AuditEventPage> {
  return apiRequest<AuditEventPage>(`/audit/events${query({ ...criteria, page, size: AUDIT_PAGE_SIZE })}`);
}
