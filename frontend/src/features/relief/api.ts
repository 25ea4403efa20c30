import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUpload } from '../../lib/api';

/** One claim in the list. */
export interface ReliefClaimSummary {
  id: number;
  status: string;
  statusLabel: string;
  residentName: string;
  addresseeNumber: string;
  claimantRelation: string;
  vaccinationClass: 'A' | 'B';
  vaccine: string;
  receivedOn: string;
  late: boolean;
}

export interface Code {
  code: string;
  label: string;
}

export interface ReliefDocument {
  id: number;
  type: string;
  typeLabel: string;
  /** Null for a document received on paper only. */
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  receivedOn: string;
  recordedBy: string;
  recordedAt: string;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  description: string;
  actor: string;
}

export interface Waiting {
  what: string;
  since: string | null;
  due: string | null;
  assignee: string | null;
}

export interface ReliefDecision {
  ministryOutcome: string | null;
  ministryDecidedOn: string | null;
  decision: string | null;
  reason: string | null;
  oneOffAmountYen: number | null;
  periodicAmountYen: number | null;
  entitlementEndsOn: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  noticeText: string | null;
  notifiedAt: string | null;
}

export interface ReliefPayment {
  id: number;
  claimId: number;
  kind: 'ONE_OFF' | 'PERIODIC';
  periodNo: number;
  dueOn: string;
  amountYen: number;
  status: 'SCHEDULED' | 'IN_RUN' | 'PAID';
  runId: number | null;
  paidOn: string | null;
}

export interface ReliefClaimDetail {
  id: number;
  status: string;
  statusLabel: string;
  /** Sent back with changes, so that a change made meanwhile is not overridden. */
  version: number;
  residentId: number;
  addresseeNumber: string;
  residentName: string;
  residentNameKana: string;
  residentBirthDate: string;
  claimantRelation: string;
  claimantName: string;
  vaccinationClass: 'A' | 'B';
  vaccine: string;
  vaccinatedOn: string;
  doseRecordId: number | null;
  receivedOn: string;
  receivedBy: string;
  medicalPaidOn: string | null;
  deathOn: string | null;
  late: boolean;
  lateDecidedBy: string | null;
  lateReason: string | null;
  note: string | null;
  benefits: Code[];
  documents: ReliefDocument[];
  missingDocuments: Code[];
  committeeMeetingOn: string | null;
  committeeOpinion: string | null;
  committeeSummary: string | null;
  forwardedOn: string | null;
  ministryRequestId: string | null;
  decision: ReliefDecision;
  appealFiledOn: string | null;
  appealOutcome: string | null;
  payments: ReliefPayment[];
  timeline: TimelineEntry[];
  waiting: Waiting[];
}

export function fetchReliefClaims(): Promise<ReliefClaimSummary[]> {
  return apiRequest<ReliefClaimSummary[]>('/relief/claims');
}

export function fetchReliefClaim(id: string): Promise<ReliefClaimDetail> {
  return apiRequest<ReliefClaimDetail>(`/relief/claims/${encodeURIComponent(id)}`);
}

export function fetchDocumentTypes(): Promise<Code[]> {
  return apiRequest<Code[]>('/relief/document-types');
}

export function uploadReliefDocument(claimId: number, type: string, receivedOn: string, file: File) {
  const form = new FormData();
  form.append('type', type);
  form.append('receivedOn', receivedOn);
  form.append('file', file);
  return apiUpload<{ id: number }>(`/relief/claims/${claimId}/documents`, form);
}

/** Where the browser shows a stored document (PDF or image); every view is logged by the server. */
export function documentUrl(claimId: number, documentId: number): string {
  return `/api/relief/claims/${claimId}/documents/${documentId}`;
}

/** The decision notice as a Japanese PDF, printed from the notice kept on the claim. */
export function noticeUrl(claimId: number): string {
  return `/api/relief/claims/${claimId}/notice.pdf`;
}

export function fileAppeal(claimId: number, version: number, filedOn: string, note: string): Promise<void> {
  return apiRequest<void>(`/relief/claims/${claimId}/appeal`, { method: 'POST', body: { version, filedOn, note } });
}

/** Proposes 額の改定・終期: once another supervisor approves it, it applies from the next payment period on. */
export function reviseEntitlement(
  claimId: number,
  version: number,
  periodicAmountYen: number,
  entitlementEndsOn: string | null,
  reason: string,
): Promise<{ revisionId: number }> {
  return apiRequest<{ revisionId: number }>(`/relief/claims/${claimId}/entitlement`, {
    method: 'POST',
    body: { version, periodicAmountYen, entitlementEndsOn, reason },
  });
}

export const PAYMENT_STATUS: Record<ReliefPayment['status'], string> = {
  SCHEDULED: '支払予定',
  IN_RUN: '支払処理中（承認待ち）',
  PAID: '支払済み',
};

export function paymentLabel(payment: ReliefPayment): string {
  return payment.kind === 'ONE_OFF' ? '一時金等' : `年金・手当 第${payment.periodNo + 1}期`;
}

export function formatYen(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : `${amount.toLocaleString('ja-JP')}円`;
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const reliefKeys = {
  all: ['relief'] as const,
};

export const reliefClaimQuery = (id: string) =>
  queryOptions({ queryKey: [...reliefKeys.all, 'fetchReliefClaim', id] as const, queryFn: () => fetchReliefClaim(id) });

export const documentTypesQuery = () =>
  queryOptions({ queryKey: [...reliefKeys.all, 'fetchDocumentTypes'] as const, queryFn: () => fetchDocumentTypes() });

export const reliefClaimsQuery = () =>
  queryOptions({ queryKey: [...reliefKeys.all, 'fetchReliefClaims'] as const, queryFn: () => fetchReliefClaims() });
