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
