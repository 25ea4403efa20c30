import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiRequest, query } from '../../lib/api';
import { cursorPaging, type CursorPage } from '../../lib/paging';
import type { TaskDetail } from '../../lib/tasks';

export type ApprovalPage = CursorPage<TaskDetail>;

/** A rejection sends the case back to its requester, who needs to know why. */
export type ApprovalDecision = { decision: 'APPROVE' } | { decision: 'REJECT'; reason: string };

export const REJECT_REASON_MAX_LENGTH = 500;

// Each card carries the whole case context, so pages stay smaller than the task list's.
const APPROVAL_PAGE_SIZE = 20;

export function fetchApprovals(cursor: string | null = null): Promise<ApprovalPage> {
  return apiRequest<ApprovalPage>(`/approvals${query({ cursor, size: APPROVAL_PAGE_SIZE })}`);
}

export function decideApproval(taskId: string, values: ApprovalDecision): Promise<void> {
  return apiRequest<void>(`/approvals/${encodeURIComponent(taskId)}`, { method: 'POST', body: { values } });
}

export interface BulkOutcome {
  taskId: string;
  done: boolean;
  error: string | null;
  message: string | null;
}

/** Approves several approvals of one step, each checked and recorded as if alone; the outcome of each. */
export function approveAll(taskIds: string[]): Promise<BulkOutcome[]> {
  return apiRequest<BulkOutcome[]>('/approvals/bulk', {
    method: 'POST',
    body: { taskIds, values: { decision: 'APPROVE' } },
  });
}

export const approvalKeys = {
  all: ['approvals'] as const,
};

export const approvalsQuery = () =>
  infiniteQueryOptions({
    queryKey: approvalKeys.all,
    queryFn: ({ pageParam }) => fetchApprovals(pageParam),
    ...cursorPaging<TaskDetail>(),
  });
