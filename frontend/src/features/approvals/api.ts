import { apiRequest, query } from '../../lib/api';
import type { TaskDetail } from '../tasks/api';

export interface ApprovalPage {
  items: TaskDetail[];
  nextCursor: string | null;
}

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
