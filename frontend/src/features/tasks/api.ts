import type { FormSchema, FormValues } from '../../components/CamundaForm';
import { apiRequest, query } from '../../lib/api';

export type TaskView = 'mine' | 'group';

export interface TaskSummary {
  id: string;
  name: string;
  taskKey: string;
  processKey: string;
  processName: string;
  caseId: string;
  caseLabel: string;
  assignee: string | null;
  assigneeName: string | null;
  candidateGroups: string[];
  created: string;
  due: string | null;
}

export interface TaskPage {
  items: TaskSummary[];
  nextCursor: string | null;
}

export interface TaskCounts {
  mine: number;
  group: number;
}

export interface CaseContext {
  title: string;
  /** A row's link is a path inside the app where the step's work happens. */
  sections: { heading: string; rows: { label: string; value: string; link?: string | null }[] }[];
}

export interface TaskDetail {
  task: TaskSummary;
  form: FormSchema | null;
  data: FormValues;
  context: CaseContext;
  canComplete: boolean;
  refusal: string | null;
}

const TASK_PAGE_SIZE = 50;

export function fetchTasks(view: TaskView, cursor: string | null = null): Promise<TaskPage> {
  return apiRequest<TaskPage>(`/tasks${query({ view, cursor, size: TASK_PAGE_SIZE })}`);
}

export function fetchTaskCounts(): Promise<TaskCounts> {
  return apiRequest<TaskCounts>('/tasks/counts');
}

export function fetchTask(id: string): Promise<TaskDetail> {
  return apiRequest<TaskDetail>(`/tasks/${encodeURIComponent(id)}`);
}

export function claimTask(id: string): Promise<TaskSummary> {
  return apiRequest<TaskSummary>(`/tasks/${encodeURIComponent(id)}/claim`, { method: 'POST' });
}

export function unclaimTask(id: string): Promise<TaskSummary> {
  return apiRequest<TaskSummary>(`/tasks/${encodeURIComponent(id)}/unclaim`, { method: 'POST' });
}

export function completeTask(id: string, values: FormValues): Promise<void> {
  return apiRequest<void>(`/tasks/${encodeURIComponent(id)}/complete`, {
    method: 'POST',
    body: { values },
  });
}
