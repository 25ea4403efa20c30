import { queryOptions } from '@tanstack/react-query';
import { apiDownload, apiRequest, type Download } from '../../lib/api';
import type { CsvEncoding } from '../../lib/csv';

/** Japanese names of the operations the server records (AuditOperation). */
export { OPERATION_LABELS } from '../../lib/auditOperations';

export interface AuditVerification {
  intact: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
  ranAt?: string;
  trigger?: 'NIGHTLY' | 'ON_DEMAND';
}

export interface AuditEvent {
  id: number;
  occurredAt: string;
  username: string;
  operation: string;
  residentId: number | null;
  /** The resident's 宛名番号, when the event names a resident still in the register. */
  addresseeNumber: string | null;
  clientAddress: string | null;
  detail: string | null;
}

/** As typed into the search form; empty means no filter. */
export interface AuditCriteria {
  username: string;
  addresseeNumber: string;
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

/** The last verification, nightly or on demand; null before the first one. */
export async function latestVerification(): Promise<AuditVerification | null> {
  return (await apiRequest<AuditVerification | undefined>('/audit/verification/latest')) ?? null;
}

/** The filter as the server reads it: empty criteria left out, text trimmed. */
export function auditFilter(criteria: AuditCriteria): Partial<AuditCriteria> {
  const filter: Partial<AuditCriteria> = {};
  for (const [key, value] of Object.entries(criteria) as [keyof AuditCriteria, string][]) {
    const trimmed = value.trim();
    if (trimmed !== '') {
      filter[key] = trimmed;
    }
  }
  return filter;
}

/** Criteria travel in the body: a 宛名番号 never appears in a URL. */
export function searchAuditEvents(criteria: AuditCriteria, page: number): Promise<AuditEventPage> {
  return apiRequest<AuditEventPage>('/audit/events/search', {
    method: 'POST',
    body: { filter: auditFilter(criteria), page, size: AUDIT_PAGE_SIZE },
  });
}

export function exportAuditEvents(criteria: AuditCriteria, encoding: CsvEncoding): Promise<Download> {
  return apiDownload(
    '/audit/events/export',
    { method: 'POST', body: { filter: auditFilter(criteria), encoding } },
    '監査ログ.csv',
  );
}

/** One audit event in the abnormal-access report; `reason` says why it is outside office hours. */
export interface AbnormalAccess {
  id: number;
  occurredAt: string;
  username: string;
  operation: string;
  residentId: number | null;
  addresseeNumber: string | null;
  clientAddress: string | null;
  detail: string | null;
  reason: string | null;
}

export interface HeavyViewer {
  day: string;
  username: string;
  views: number;
  residents: number;
}

/** `count` is every match; `rows` the first of them. */
export interface ReportSection<T> {
  count: number;
  rows: T[];
}

export interface AbnormalAccessReport {
  from: string;
  to: string;
  /** HH:mm:ss */
  opensAt: string;
  closesAt: string;
  dailyViewThreshold: number;
  outsideOfficeHours: ReportSection<AbnormalAccess>;
  loginFailures: ReportSection<AbnormalAccess>;
  lockouts: ReportSection<AbnormalAccess>;
  heavyViewers: ReportSection<HeavyViewer>;
}

export interface ReportPeriod {
  from: string;
  to: string;
}

export function abnormalAccessReport(period: ReportPeriod): Promise<AbnormalAccessReport> {
  return apiRequest<AbnormalAccessReport>('/audit/abnormal-access', { method: 'POST', body: period });
}

export function exportAbnormalAccess(period: ReportPeriod, encoding: CsvEncoding): Promise<Download> {
  return apiDownload(
    '/audit/abnormal-access/export',
    { method: 'POST', body: { ...period, encoding } },
    '異常アクセス報告.csv',
  );
}

/** The last full month before `today` (YYYY-MM-DD): the period an auditor's monthly review usually covers. */
export function previousMonth(today: string): ReportPeriod {
  const [year, month] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** One recorded access to a resident's data. */
export interface ResidentAccess {
  id: number;
  occurredAt: string;
  username: string;
  operation: string;
  detail: string | null;
}

export interface ResidentAccessLog {
  resident: { id: number; addresseeNumber: string; nameKanji: string; nameKana: string; birthDate: string };
  accesses: ResidentAccess[];
}

/** The 宛名番号 travels in the body, never in the URL. */
export function residentAccessLog(addresseeNumber: string): Promise<ResidentAccessLog> {
  return apiRequest<ResidentAccessLog>('/residents/access-log', { method: 'POST', body: { addresseeNumber } });
}

/** One account in the auditor's review; `unused`: enabled but never used, or not for longer than the limit. */
export interface AccountReviewRow {
  account: {
    username: string;
    displayName: string;
    roles: string[];
    permissions: string[];
    enabled: boolean;
    usable: boolean;
    lastLoginAt: string | null;
    validUntil: string | null;
    /** An authenticator app is registered for the second factor of login (R07). */
    secondFactorEnrolled: boolean;
  };
  daysSinceLastLogin: number | null;
  unused: boolean;
}

export function accountReview(): Promise<AccountReviewRow[]> {
  return apiRequest<AccountReviewRow[]>('/audit/account-review');
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const auditKeys = {
  all: ['audit'] as const,
};

export const accountReviewQuery = () =>
  queryOptions({ queryKey: [...auditKeys.all, 'accountReview'] as const, queryFn: () => accountReview() });

export const searchAuditEventsQuery = (criteria: AuditCriteria, page: number) =>
  queryOptions({
    queryKey: [...auditKeys.all, 'searchAuditEvents', criteria, page] as const,
    queryFn: () => searchAuditEvents(criteria, page),
  });

export const latestVerificationQuery = () =>
  queryOptions({ queryKey: [...auditKeys.all, 'latestVerification'] as const, queryFn: () => latestVerification() });
