import { apiRequest } from '../../lib/api';

/** A step that failed after all its retries; carries codes and ids, never personal data. */
export interface Incident {
  id: string;
  processKey: string;
  processName: string;
  step: string;
  caseId: string | null;
  message: string | null;
  occurredAt: string;
}

export function fetchIncidents(): Promise<Incident[]> {
  return apiRequest<Incident[]>('/admin/incidents');
}

export function retryIncident(id: string): Promise<void> {
  return apiRequest<void>(`/admin/incidents/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}
