import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

/** The process keys whose start forms open from the process catalogue. */
export const MOVER_QUERY_PROCESS_KEY = 'VrsMoverQuery';
export const CERTIFICATE_PROCESS_KEY = 'VaccinationCertificate';

/** Statuses of a mover query that have ended; the others are still being worked. */
const ENDED_MOVER_STATUSES = new Set(['RECORDED', 'REJECTED', 'CLOSED']);

export function moverQueryEnded(status: string): boolean {
  return ENDED_MOVER_STATUSES.has(status);
}

export interface MoverQuerySummary {
  id: number;
  status: string;
  statusLabel: string;
  residentId: number;
  residentName: string | null;
  addresseeNumber: string | null;
  formerMunicipalityCode: string;
  outcome: 'FOUND' | 'NOT_FOUND' | null;
  requestedAt: string;
  requestedBy: string;
}

export interface CertificateSummary {
  id: number;
  status: string;
  statusLabel: string;
  residentId: number;
  residentName: string | null;
  addresseeNumber: string | null;
  channel: 'COUNTER' | 'ELECTRONIC';
  kind: string;
  certificateNumber: string | null;
  issuedOn: string | null;
  receivedAt: string;
}

export function fetchMoverQueries(): Promise<MoverQuerySummary[]> {
  return apiRequest<MoverQuerySummary[]>('/vrs/mover-queries');
}

export function fetchCertificates(): Promise<CertificateSummary[]> {
  return apiRequest<CertificateSummary[]>('/vrs/certificates');
}

/** The issued certificate (Japanese and English); the server refuses users without the PRINT permission. */
export function certificatePdfUrl(id: number): string {
  return `/api/vrs/certificates/${id}/certificate.pdf`;
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const vrsKeys = {
  all: ['vrs'] as const,
};

export const moverQueriesQuery = () =>
  queryOptions({
    queryKey: [...vrsKeys.all, 'fetchMoverQueries'] as const,
    queryFn: () => fetchMoverQueries(),
  });

export const certificatesQuery = () =>
  queryOptions({
    queryKey: [...vrsKeys.all, 'fetchCertificates'] as const,
    queryFn: () => fetchCertificates(),
  });
