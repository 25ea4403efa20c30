import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

/** The process key of 長期療養特例: its recording form opens from the process catalogue. */
export const ILLNESS_PROCESS_KEY = 'LongTermIllnessException';

/** The process key of the revocation of a case in force, started from the case's page with its number. */
export const ILLNESS_REVOCATION_PROCESS_KEY = 'LongTermIllnessRevocation';

/** One vaccine of a special case and the last day it stays routine (the upper age already applied). */
export interface VaccineExtension {
  vaccineCode: string;
  vaccineName: string;
  until: string;
}

/** Statuses that are still with the supervisor or the recorder; the others have ended. */
const OPEN_STATUSES = new Set(['AWAITING_APPROVAL', 'SENT_BACK', 'REVOCATION_PENDING']);

export function isOpen(status: string): boolean {
  return OPEN_STATUSES.has(status);
}

export interface IllnessExceptionSummary {
  id: number;
  status: string;
  statusLabel: string;
  residentId: number;
  residentName: string;
  addresseeNumber: string;
  illnessTo: string;
  vaccines: VaccineExtension[];
  recordedAt: string;
  recordedBy: string;
}

export interface IllnessTimelineEntry {
  at: string;
  kind: string;
  description: string;
  actor: string;
}

/** One special case: the list's facts and the illness, the statement, the decision and the timeline. */
export interface IllnessExceptionDetail extends IllnessExceptionSummary {
  birthDate: string;
  diseaseCategory: string;
  diseaseCategoryLabel: string;
  diseaseName: string | null;
  illnessFrom: string;
  statementKindLabel: string;
  statementReceivedOn: string;
  statementInstitution: string;
  statementDoctor: string;
  note: string | null;
  revisedBy: string | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  revocationReason: string | null;
  revocationProposedBy: string | null;
  revokedBy: string | null;
  timeline: IllnessTimelineEntry[];
}

export function fetchIllnessExceptions(): Promise<IllnessExceptionSummary[]> {
  return apiRequest<IllnessExceptionSummary[]>('/long-term-illness');
}

export function fetchIllnessException(id: string): Promise<IllnessExceptionDetail> {
  return apiRequest<IllnessExceptionDetail>(`/long-term-illness/${encodeURIComponent(id)}`);
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const illnessKeys = {
  all: ['long-term-illness'] as const,
};

export const illnessExceptionsQuery = () =>
  queryOptions({
    queryKey: [...illnessKeys.all, 'fetchIllnessExceptions'] as const,
    queryFn: () => fetchIllnessExceptions(),
  });

export const illnessExceptionQuery = (id: string) =>
  queryOptions({
    queryKey: [...illnessKeys.all, 'fetchIllnessException', id] as const,
    queryFn: () => fetchIllnessException(id),
  });
