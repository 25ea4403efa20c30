import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

/** The process key of a provision outside the network: its recording form opens from the process catalogue. */
export const OUTSIDE_PROVISION_PROCESS_KEY = 'OutsideProvision';

/** Statuses still waiting for a check, a correction or the sending; the others have ended. */
const OPEN_STATUSES = new Set(['AWAITING_CONFIRMATION', 'SENT_BACK', 'CONFIRMED']);

export function isOpen(status: string): boolean {
  return OPEN_STATUSES.has(status);
}

export interface OutsideProvisionSummary {
  id: number;
  status: string;
  statusLabel: string;
  residentId: number;
  residentName: string;
  addresseeNumber: string;
  recipientName: string;
  methodLabel: string;
  recordedAt: string;
  recordedBy: string;
  confirmedBy: string | null;
  sentOn: string | null;
  sentBy: string | null;
}

export interface OutsideProvisionTimelineEntry {
  at: string;
  kind: string;
  description: string;
  actor: string;
}

/** One provision: what, to whom, why, how, who recorded, confirmed and sent it, and its timeline. */
export interface OutsideProvisionDetail {
  id: number;
  status: string;
  statusLabel: string;
  residentId: number;
  residentName: string;
  addresseeNumber: string;
  recipientKindLabel: string;
  recipientName: string;
  recipientContact: string;
  methodLabel: string;
  content: string;
  purpose: string;
  legalBasis: string;
  recordedBy: string;
  recordedAt: string;
  revisedBy: string | null;
  decisionReason: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  sentOn: string | null;
  sentBy: string | null;
  sentAt: string | null;
  sendNote: string | null;
  timeline: OutsideProvisionTimelineEntry[];
}

export function fetchOutsideProvisions(): Promise<OutsideProvisionSummary[]> {
  return apiRequest<OutsideProvisionSummary[]>('/outside-provisions');
}

export function fetchOutsideProvision(id: string): Promise<OutsideProvisionDetail> {
  return apiRequest<OutsideProvisionDetail>(`/outside-provisions/${encodeURIComponent(id)}`);
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const outsideProvisionKeys = {
  all: ['outside-provisions'] as const,
};

export const outsideProvisionsQuery = () =>
  queryOptions({
    queryKey: [...outsideProvisionKeys.all, 'fetchOutsideProvisions'] as const,
    queryFn: () => fetchOutsideProvisions(),
  });

export const outsideProvisionQuery = (id: string) =>
  queryOptions({
    queryKey: [...outsideProvisionKeys.all, 'fetchOutsideProvision', id] as const,
    queryFn: () => fetchOutsideProvision(id),
  });
