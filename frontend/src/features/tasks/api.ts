import type { FormValues } from '../../components/CamundaForm';
import type { TaskDetail, TaskSummary } from '../../lib/tasks';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiRequest, query } from '../../lib/api';
import { cursorPaging, type CursorPage } from '../../lib/paging';

// A task and its case context are shown by the approval queue too: see lib/tasks.
export type { CaseContext, TaskDetail, TaskSummary } from '../../lib/tasks';

export type TaskView = 'mine' | 'group';

export type TaskPage = CursorPage<TaskSummary>;

export interface TaskCounts {
  mine: number;
  group: number;
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

export const taskKeys = {
  all: ['tasks'] as const,
  list: (view: TaskView) => [...taskKeys.all, 'list', view] as const,
  counts: () => [...taskKeys.all, 'counts'] as const,
  detail: (id: string) => [...taskKeys.all, 'detail', id] as const,
};

export const tasksQuery = (view: TaskView) =>
  infiniteQueryOptions({
    queryKey: taskKeys.list(view),
    queryFn: ({ pageParam }) => fetchTasks(view, pageParam),
    ...cursorPaging<TaskSummary>(),
    // Forgotten as soon as the list is off screen: every claim and completion (anyone's) changes it, and a list kept
    // from before would show a task just completed as still open until the refetch behind it arrived.
    gcTime: 0,
  });

export const taskCountsQuery = () => queryOptions({ queryKey: taskKeys.counts(), queryFn: fetchTaskCounts });

export const taskQuery = (id: string) => queryOptions({ queryKey: taskKeys.detail(id), queryFn: () => fetchTask(id) });
