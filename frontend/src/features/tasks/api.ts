import type { FormValues } from '../../components/CamundaForm';
import type { Absence, TaskDetail, TaskSummary } from '../../lib/tasks';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';
import { cursorPaging, type CursorPage } from '../../lib/paging';

// A task and its case context are shown by the approval queue too: see lib/tasks.
export type { Absence, CaseContext, TaskDetail, TaskSummary } from '../../lib/tasks';

export type TaskView = 'mine' | 'group' | 'all' | 'completed';

/** The list's filters and order, as the server's query parameters (the URL keeps them too). */
export interface TaskCriteria {
  view: TaskView;
  processKey?: string;
  taskKey?: string;
  due?: '' | 'overdue' | 'soon';
  group?: string;
  claimedBy?: string;
  createdFrom?: string;
  createdTo?: string;
  dueFrom?: string;
  dueTo?: string;
  resident?: string;
  sort?: '' | 'created' | 'due' | 'process';
  direction?: '' | 'asc' | 'desc';
}

export const CRITERIA_KEYS = [
  'view',
  'processKey',
  'taskKey',
  'due',
  'group',
  'claimedBy',
  'createdFrom',
  'createdTo',
  'dueFrom',
  'dueTo',
  'resident',
  'sort',
  'direction',
] as const;

/** A page of the list; the first one also carries the tabs' counts, so that the inbox opens in one request. */
export interface TaskPage extends CursorPage<TaskSummary> {
  counts?: TaskCounts;
}

export interface TaskCounts {
  mine: number;
  group: number;
  overdue: number;
  dueSoon: number;
}

export interface SavedFilter {
  id: number;
  name: string;
  shared: boolean;
  mine: boolean;
  criteria: Record<string, string>;
}

export interface Candidate {
  username: string;
  displayName: string;
  holder: boolean;
  away: Absence | null;
  refusal: string | null;
}

export interface BulkOutcome {
  taskId: string;
  done: boolean;
  error: string | null;
  message: string | null;
}

export interface CaseNote {
  id: number;
  body: string;
  author: string;
  authorName: string;
  created: string;
}

const TASK_PAGE_SIZE = 50;

/** By POST, so that a resident's name searched for never stands in a URL. */
export function fetchTasks(criteria: TaskCriteria, cursor: string | null = null): Promise<TaskPage> {
  const body: Record<string, string> = { size: String(TASK_PAGE_SIZE) };
  for (const [key, value] of Object.entries(criteria)) {
    if (value) {
      body[key] = String(value);
    }
  }
  if (cursor) {
    body.cursor = cursor;
  } else {
    body.withCounts = 'true';
  }
  return apiRequest<TaskPage>('/tasks/search', { method: 'POST', body });
}

export interface ProcessName {
  key: string;
  name: string;
}

/** The processes staff work on, for the list's process filter. */
export function fetchProcessNames(): Promise<ProcessName[]> {
  return apiRequest<ProcessName[]>('/processes');
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

/** Claims the step unless I hold it already and completes it, in one request (one transaction on the server). */
export function claimAndCompleteTask(id: string, values: FormValues): Promise<void> {
  return apiRequest<void>(`/tasks/${encodeURIComponent(id)}/claim-and-complete`, {
    method: 'POST',
    body: { values },
  });
}

export function bulkTasks(action: 'claim' | 'release', taskIds: string[]): Promise<BulkOutcome[]> {
  return apiRequest<BulkOutcome[]>('/tasks/bulk', { method: 'POST', body: { action, taskIds } });
}

export function fetchSavedFilters(): Promise<SavedFilter[]> {
  return apiRequest<SavedFilter[]>('/tasks/filters');
}

export function saveFilter(name: string, shared: boolean, criteria: Record<string, string>): Promise<SavedFilter> {
  return apiRequest<SavedFilter>('/tasks/filters', { method: 'POST', body: { name, shared, criteria } });
}

export function deleteFilter(id: number): Promise<void> {
  return apiRequest<void>(`/tasks/filters/${id}`, { method: 'DELETE' });
}

export function fetchCandidates(taskId: string): Promise<Candidate[]> {
  return apiRequest<Candidate[]>(`/tasks/${encodeURIComponent(taskId)}/candidates`);
}

export function assignTask(taskId: string, assignee: string | null, reason: string): Promise<TaskSummary> {
  return apiRequest<TaskSummary>(`/tasks/${encodeURIComponent(taskId)}/assign`, {
    method: 'POST',
    body: { assignee, reason },
  });
}

export function fetchAbsences(): Promise<Absence[]> {
  return apiRequest<Absence[]>('/tasks/absences');
}

export function recordAbsence(absence: {
  username: string;
  startsOn: string;
  endsOn: string;
  standIn: string;
}): Promise<Absence> {
  return apiRequest<Absence>('/tasks/absences', { method: 'POST', body: absence });
}

export function withdrawAbsence(id: number): Promise<void> {
  return apiRequest<void>(`/tasks/absences/${id}`, { method: 'DELETE' });
}

function casePath(processKey: string, caseId: string): string {
  return `/processes/${encodeURIComponent(processKey)}/cases/${encodeURIComponent(caseId)}`;
}

export function fetchNotes(processKey: string, caseId: string): Promise<CaseNote[]> {
  return apiRequest<CaseNote[]>(`${casePath(processKey, caseId)}/notes`);
}

export function addNote(processKey: string, caseId: string, body: string): Promise<CaseNote> {
  return apiRequest<CaseNote>(`${casePath(processKey, caseId)}/notes`, { method: 'POST', body: { body } });
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (criteria: TaskCriteria) => [...taskKeys.all, 'list', criteria] as const,
  detail: (id: string) => [...taskKeys.all, 'detail', id] as const,
  filters: () => [...taskKeys.all, 'filters'] as const,
  candidates: (id: string) => [...taskKeys.all, 'candidates', id] as const,
  absences: () => [...taskKeys.all, 'absences'] as const,
  notes: (processKey: string, caseId: string) => [...taskKeys.all, 'notes', processKey, caseId] as const,
};

export const tasksQuery = (criteria: TaskCriteria) =>
  infiniteQueryOptions({
    queryKey: taskKeys.list(criteria),
    queryFn: ({ pageParam }) => fetchTasks(criteria, pageParam),
    ...cursorPaging<TaskSummary>(),
    // Forgotten as soon as the list is off screen: every claim and completion (anyone's) changes it, and a list kept
    // from before would show a task just completed as still open until the refetch behind it arrived.
    gcTime: 0,
  });

export const taskQuery = (id: string) => queryOptions({ queryKey: taskKeys.detail(id), queryFn: () => fetchTask(id) });

export const processNamesQuery = () =>
  queryOptions({ queryKey: [...taskKeys.all, 'processes'] as const, queryFn: fetchProcessNames, staleTime: Infinity });

export const savedFiltersQuery = () => queryOptions({ queryKey: taskKeys.filters(), queryFn: fetchSavedFilters });

export const candidatesQuery = (id: string) =>
  queryOptions({ queryKey: taskKeys.candidates(id), queryFn: () => fetchCandidates(id) });

export const absencesQuery = () => queryOptions({ queryKey: taskKeys.absences(), queryFn: fetchAbsences });

export const notesQuery = (processKey: string, caseId: string) =>
  queryOptions({ queryKey: taskKeys.notes(processKey, caseId), queryFn: () => fetchNotes(processKey, caseId) });
