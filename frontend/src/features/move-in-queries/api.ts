import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

/** A 情報照会 proposed after a 転入, with the link that opens the query's start form filled in. */
export interface MoveInProposal {
  id: number;
  residentId: number;
  addresseeNumber: string;
  nameKanji: string;
  movedInOn: string;
  createdAt: string;
  startLink: string;
}

export function fetchProposals(): Promise<MoveInProposal[]> {
  return apiRequest<MoveInProposal[]>('/information-queries/proposals');
}

export function dismissProposal(id: number, note: string): Promise<void> {
  return apiRequest<void>(`/information-queries/proposals/${id}/dismiss`, { method: 'POST', body: { note } });
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const moveInQueriesKeys = {
  all: ['move-in-queries'] as const,
};

export const proposalsQuery = () =>
  queryOptions({ queryKey: [...moveInQueriesKeys.all, 'fetchProposals'] as const, queryFn: () => fetchProposals() });
