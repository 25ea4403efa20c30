import { queryOptions } from '@tanstack/react-query';
import type { TaskRow } from '../../components/TaskTable';
import { apiRequest } from '../../lib/api';
import {
  searchResidents,
  type ResidentSummary,
  type ResidentDetail,
  type DoseRecord,
  type VaccineEligibility,
  type ResidentCriteria,
} from '../../lib/residents';

export * from '../../lib/residents';

/** A search as the search page keeps it in the navigation's state (never in the URL: it holds personal data). */
export interface ResidentSearch {
  criteria: ResidentCriteria;
  page: number;
}

/** The search a page was entered with, e.g. to lead back to its results. */
export function searchOf(state: unknown): ResidentSearch | null {
  return (state as { search?: ResidentSearch } | null)?.search ?? null;
}

export interface ResidentCase {
  resident: ResidentDetail;
  /** The other members of the resident's 世帯; the resident is not among them. */
  household: ResidentSummary[];
  /** Oldest first. */
  doses: DoseRecord[];
  eligibility: VaccineEligibility[];
  openTasks: TaskRow[];
  /** Newest first; each links to its own page. */
  copayExemptions: CaseLink[];
  reliefClaims: ReliefClaimLink[];
  /** A 60-64-year-old's qualifying disabilities for the B類 vaccines, in force first. */
  bClassQualifications?: BClassQualification[];
}

/** A qualifying disability for the B類 vaccines (60-64 years, 1級 of the heart, kidneys, respiratory organs or HIV). */
export interface BClassQualification {
  id: number;
  impairment: string;
  impairmentLabel: string;
  evidenceLabel: string;
  evidenceSeenOn: string;
  recordedBy: string;
  recordedAt: string;
  endedOn: string | null;
  endReason: string | null;
}

export const IMPAIRMENT_LABELS: Record<string, string> = {
  HEART: '心臓機能障害',
  KIDNEY: 'じん臓機能障害',
  RESPIRATORY: '呼吸器機能障害',
  HIV_IMMUNE: 'ヒト免疫不全ウイルスによる免疫機能障害',
};

export const EVIDENCE_LABELS: Record<string, string> = {
  DISABILITY_CERTIFICATE: '身体障害者手帳（1級）',
  MEDICAL_CERTIFICATE: '医師の診断書（1級相当）',
};

export function recordBClassQualification(
  residentId: string,
  qualification: { impairment: string; evidence: string; evidenceSeenOn: string },
): Promise<{ id: number }> {
  return apiRequest<{ id: number }>(`/residents/${encodeURIComponent(residentId)}/b-class-qualifications`, {
    method: 'POST',
    body: qualification,
  });
}

export function endBClassQualification(residentId: string, id: number, reason: string): Promise<void> {
  return apiRequest<void>(`/residents/${encodeURIComponent(residentId)}/b-class-qualifications/${id}/end`, {
    method: 'POST',
    body: { reason },
  });
}

/** A co-pay exemption application as the case page lists it. */
export interface CaseLink {
  id: number;
  vaccine: string;
  fiscalYear: string;
  status: string;
  decision: string | null;
  receivedAt: string;
}

/** A relief claim as the case page lists it. */
export interface ReliefClaimLink {
  id: number;
  statusLabel: string;
  vaccinationClass: string;
  vaccine: string;
  receivedOn: string;
  late: boolean;
}

export function fetchResidentCase(id: string): Promise<ResidentCase> {
  return apiRequest<ResidentCase>(`/residents/${encodeURIComponent(id)}/case`);
}

/** 個人番号 unmasked; needs the REVEAL_MY_NUMBER permission, and the server records every reveal. */
export function revealMyNumber(residentId: string): Promise<{ myNumber: string }> {
  return apiRequest<{ myNumber: string }>(`/residents/${encodeURIComponent(residentId)}/my-number`, { method: 'POST' });
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const residentsKeys = {
  all: ['residents'] as const,
};

export const residentCaseQuery = (id: string) =>
  queryOptions({
    queryKey: [...residentsKeys.all, 'fetchResidentCase', id] as const,
    queryFn: () => fetchResidentCase(id),
  });

export const searchResidentsQuery = (criteria: ResidentCriteria, page: number) =>
  queryOptions({
    queryKey: [...residentsKeys.all, 'searchResidents', criteria, page] as const,
    queryFn: () => searchResidents(criteria, page),
  });
