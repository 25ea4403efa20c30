import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

/** One application in the list: the server sends Japanese labels and no personal data. */
export interface CoPayExemptionSummary {
  id: number;
  channel: string;
  vaccine: string;
  fiscalYear: string;
  status: string;
  ended: boolean;
  decision: string | null;
  receivedAt: string;
  endedAt: string | null;
}

/** One check of the local-tax and public-assistance status (R26): 庁内連携 or a staff member's document check. */
export interface StatusMatch {
  id: number;
  source: string;
  result: string;
  requestedAt: string | null;
  recordedAt: string | null;
  localTaxStatus: string | null;
  assistanceStatus: string | null;
  outcomeCode: 'EXEMPT' | 'NOT_EXEMPT' | 'INCONCLUSIVE' | null;
  outcome: string | null;
  reason: string | null;
  checkedBy: string;
  note: string | null;
}

export interface ExemptionDecision {
  decisionCode: 'EXEMPT' | 'NOT_EXEMPT';
  decision: string;
  reason: string;
  coPayYen: number;
  decidedBy: string;
  decidedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

export interface ExemptionNotice {
  number: string;
  decision: string;
  coPayYen: number;
  reason: string;
  issuedAt: string;
}

export interface CoPayExemptionDetail {
  id: number;
  /** Sent back with a withdrawal, so that a change made meanwhile is not overridden. */
  version: number;
  channel: string;
  vaccine: string;
  fiscalYear: string;
  statusCode: string;
  status: string;
  ended: boolean;
  receivedAt: string;
  receivedBy: string | null;
  note: string | null;
  resident: {
    id: number;
    addresseeNumber: string;
    nameKanji: string;
    nameKana: string;
    birthDate: string;
  } | null;
  /** What the applicant typed into ぴったりサービス, for e-applications. */
  applicant: {
    applicationNumber: string;
    nameKanji: string;
    nameKana: string;
    birthDate: string;
    phone: string | null;
  } | null;
  matches: StatusMatch[];
  decision: ExemptionDecision | null;
  notice: ExemptionNotice | null;
  closingReason: string | null;
  closedBy: string | null;
  endedAt: string | null;
}

export function fetchCoPayExemptions(): Promise<CoPayExemptionSummary[]> {
  return apiRequest<CoPayExemptionSummary[]>('/copay-exemptions');
}

export function fetchCoPayExemption(id: string): Promise<CoPayExemptionDetail> {
  return apiRequest<CoPayExemptionDetail>(`/copay-exemptions/${encodeURIComponent(id)}`);
}

export function withdrawCoPayExemption(id: number, version: number, reason: string): Promise<void> {
  return apiRequest<void>(`/copay-exemptions/${id}/withdrawal`, { method: 'POST', body: { version, reason } });
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const copayExemptionsKeys = {
  all: ['copay-exemptions'] as const,
};

export const coPayExemptionQuery = (id: string) =>
  queryOptions({
    queryKey: [...copayExemptionsKeys.all, 'fetchCoPayExemption', id] as const,
    queryFn: () => fetchCoPayExemption(id),
  });

export const coPayExemptionsQuery = () =>
  queryOptions({
    queryKey: [...copayExemptionsKeys.all, 'fetchCoPayExemptions'] as const,
    queryFn: () => fetchCoPayExemptions(),
  });
