import { queryOptions } from '@tanstack/react-query';
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

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const queriesKeys = {
  all: ['queries'] as const,
};

export const myQueriesQuery = () =>
  queryOptions({ queryKey: [...queriesKeys.all, 'fetchMyQueries'] as const, queryFn: () => fetchMyQueries() });
