import { apiRequest } from '../../lib/api';

/** One information query this user asked for; the server sends Japanese labels, not codes. */
export interface InformationQueryState {
  id: number;
  informationItem: string;
  legalBasis: string;
  status: string;
  ended: boolean;
  requestedAt: string;
  sentAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
}

export function fetchMyQueries(): Promise<InformationQueryState[]> {
  return apiRequest<InformationQueryState[]>('/information-queries/mine');
}
