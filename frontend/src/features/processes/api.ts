import { queryOptions } from '@tanstack/react-query';
import type { FormSchema, FormValues } from '../../components/CamundaForm';
import { apiRequest } from '../../lib/api';

export interface ProcessDefinition {
  key: string;
  name: string;
  description: string;
  startForm: FormSchema | null;
}

export interface StartedProcess {
  processInstanceId: string;
  caseId: string;
  caseLabel: string;
}

export function fetchProcesses(): Promise<ProcessDefinition[]> {
  return apiRequest<ProcessDefinition[]>('/processes');
}

export function startProcess(key: string, values: FormValues): Promise<StartedProcess> {
  return apiRequest<StartedProcess>(`/processes/${encodeURIComponent(key)}/start`, {
    method: 'POST',
    body: { values },
  });
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const processesKeys = {
  all: ['processes'] as const,
};

export const processesQuery = () =>
  queryOptions({ queryKey: [...processesKeys.all, 'fetchProcesses'] as const, queryFn: () => fetchProcesses() });
