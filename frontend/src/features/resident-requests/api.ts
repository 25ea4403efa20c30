import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

export type RequestKind = 'DISCLOSURE' | 'CORRECTION' | 'SUSPENSION';

/** One request (開示・訂正・利用停止請求) in the list. */
export interface ResidentRequestSummary {
  id: number;
  kind: RequestKind;
  kindLabel: string;
  status: string;
  statusLabel: string;
  residentName: string;
  addresseeNumber: string;
  requesterTypeLabel: string;
  receivedOn: string;
  dueOn: string;
  extended: boolean;
  overdue: boolean;
  /** Not yet decided: the deadline runs. */
  open: boolean;
}

export interface RequestExtension {
  reason: string;
  noticeSentOn: string;
  previousDueOn: string;
  newDueOn: string;
  recordedBy: string;
  recordedAt: string;
}

export interface RequestCorrection {
  item: string;
  beforeText: string;
  afterText: string;
  correctedBy: string;
  correctedAt: string;
}

export interface RequestTimelineEntry {
  at: string;
  kind: string;
  description: string;
  actor: string;
}

export interface ResidentRequestDetail {
  id: number;
  kind: RequestKind;
  kindLabel: string;
  status: string;
  statusLabel: string;
  /** Sent back with changes, so that a change made meanwhile is not overridden. */
  version: number;
  residentId: number;
  addresseeNumber: string;
  residentName: string;
  residentNameKana: string;
  requesterType: string;
  requesterTypeLabel: string;
  requesterName: string;
  requesterRelation: string | null;
  requestText: string;
  receivedOn: string;
  receivedBy: string;
  dueOn: string;
  overdue: boolean;
  open: boolean;
  identityDocument: string | null;
  identityResult: 'CONFIRMED' | 'FAILED' | null;
  identityNote: string | null;
  identityCheckedBy: string | null;
  identityCheckedAt: string | null;
  decision: string | null;
  decisionLabel: string | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  packageCollected: boolean;
  noticeText: string | null;
  noticePreparedAt: string | null;
  noticeSentOn: string | null;
  extension: RequestExtension | null;
  corrections: RequestCorrection[];
  timeline: RequestTimelineEntry[];
}

/** The collected data (開示する保有個人情報の写し) as stored on the request. */
export interface DisclosurePackage {
  collectedAt: string;
  resident: {
    addresseeNumber: string;
    name: string;
    nameKana: string;
    birthDate: string;
    sex: string;
    living: boolean;
  };
  /** Contributed by other modules (doses, eligibility, ...): each a list of records. */
  sections: Record<string, Record<string, unknown>[]>;
  accesses: { occurredAt: string; user: string; operation: string }[];
  accessesComplete: boolean;
}

export function fetchResidentRequests(): Promise<ResidentRequestSummary[]> {
  return apiRequest<ResidentRequestSummary[]>('/resident-requests');
}

export function fetchResidentRequest(id: string): Promise<ResidentRequestDetail> {
  return apiRequest<ResidentRequestDetail>(`/resident-requests/${encodeURIComponent(id)}`);
}

export function fetchDisclosurePackage(id: number): Promise<DisclosurePackage> {
  return apiRequest<DisclosurePackage>(`/resident-requests/${id}/package`);
}

/** The one extension of 30 days, with the notice sent to the requester. */
export function extendDeadline(id: number, version: number, reason: string, noticeSentOn: string): Promise<void> {
  return apiRequest<void>(`/resident-requests/${id}/extension`, {
    method: 'POST',
    body: { version, reason, noticeSentOn: noticeSentOn || null },
  });
}

export function packagePdfUrl(id: number): string {
  return `/api/resident-requests/${id}/package.pdf`;
}

export function noticePdfUrl(id: number): string {
  return `/api/resident-requests/${id}/notice.pdf`;
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const residentRequestsKeys = {
  all: ['resident-requests'] as const,
};

export const disclosurePackageQuery = (id: number) =>
  queryOptions({
    queryKey: [...residentRequestsKeys.all, 'fetchDisclosurePackage', id] as const,
    queryFn: () => fetchDisclosurePackage(id),
  });

export const residentRequestQuery = (id: string) =>
  queryOptions({
    queryKey: [...residentRequestsKeys.all, 'fetchResidentRequest', id] as const,
    queryFn: () => fetchResidentRequest(id),
  });

export const residentRequestsQuery = () =>
  queryOptions({
    queryKey: [...residentRequestsKeys.all, 'fetchResidentRequests'] as const,
    queryFn: () => fetchResidentRequests(),
  });
