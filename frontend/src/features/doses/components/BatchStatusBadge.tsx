import { BATCH_STATUS_LABELS, type BatchStatus } from '../api';

const STATUS_CLASSES: Record<BatchStatus, string> = {
  VALIDATING: 'badge',
  REVIEW: 'badge badge-overdue',
  AWAITING_APPROVAL: 'badge badge-upcoming',
  REGISTERED: 'badge badge-eligible',
  DISCARDED: 'badge badge-ended',
  FAILED: 'badge badge-overdue',
};

interface BatchStatusBadgeProps {
  status: BatchStatus;
  /** The server's label; the client's own when it sent none. */
  label?: string | null;
  testId?: string;
}

export function BatchStatusBadge({ status, label, testId }: BatchStatusBadgeProps) {
  return (
    <span className={STATUS_CLASSES[status] ?? 'badge'} data-testid={testId} data-status={status}>
      {label || BATCH_STATUS_LABELS[status] || status}
    </span>
  );
}
