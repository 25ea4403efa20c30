import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorMessage, FieldError } from '../../../components/Message';
import { formatWarekiDateTime } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { CaseContextPanel } from '../../../components/CaseContextPanel';
import type { TaskDetail } from '../../../lib/tasks';
import { decideApproval, REJECT_REASON_MAX_LENGTH, type ApprovalDecision } from '../api';

interface ApprovalCardProps {
  detail: TaskDetail;
  /** Called once the server has recorded the decision; the card is then gone from the queue. */
  onDecided: (notice: string) => void;
}

const REASON_REQUIRED = '差戻し理由を入力してください。';

/** One case waiting for approval, with everything needed to decide it without leaving the queue. */
export function ApprovalCard({ detail, onDecided }: ApprovalCardProps) {
  const { task, context, refusal } = detail;
  const titleId = useId();
  const reasonId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  // Checked here before anything is sent; the server's own message for the reason comes through the action.
  const [reasonMissing, setReasonMissing] = useState(false);
  const action = useAction();
  const subject = `「${task.name}」（${task.caseLabel}）`;
  const reasonError = reasonMissing ? REASON_REQUIRED : action.fields.reason;
  const error = action.error;
  const busy = action.busy;

  async function decide(values: ApprovalDecision, notice: string) {
    setReasonMissing(false);
    // On a failure the card stays so that the supervisor sees why, e.g. the four-eyes refusal or a case decided.
    if (await action.run(() => decideApproval(task.id, values))) {
      onDecided(notice);
    }
  }

  function confirmRejection() {
    const trimmed = reason.trim();
    if (trimmed === '') {
      setReasonMissing(true);
      return;
    }
    void decide({ decision: 'REJECT', reason: trimmed }, `${subject}を差し戻しました。`);
  }

  const disabled = busy || refusal !== null;
  return (
    <article className="approval-card" data-testid="approval-card" aria-labelledby={titleId}>
      <div className="page-heading">
        <div>
          <h2 id={titleId}>{task.name}</h2>
          <p className="subtitle">
            {task.processName}・{task.caseLabel}
          </p>
        </div>
        <dl className="task-facts">
          <div>
            <dt>作成日時</dt>
            <dd>{formatWarekiDateTime(task.created)}</dd>
          </div>
        </dl>
      </div>
      {refusal && (
        <ErrorMessage testId="approval-refusal">
          <p className="refusal">{refusal}</p>
        </ErrorMessage>
      )}
      {error && <ErrorMessage testId="approval-message">{error}</ErrorMessage>}
      <CaseContextPanel context={context} />
      <div className="actions">
        <Link to={`/tasks/${task.id}`}>詳細を開く</Link>
        <button
          type="button"
          data-testid="reject-button"
          aria-expanded={rejecting}
          disabled={disabled}
          onClick={() => setRejecting((value) => !value)}
        >
          差戻し
        </button>
        <button
          type="button"
          className="primary"
          data-testid="approve-button"
          disabled={disabled}
          onClick={() => void decide({ decision: 'APPROVE' }, `${subject}を承認しました。`)}
        >
          承認
        </button>
      </div>
      {rejecting && (
        <div className="reject-form">
          <label htmlFor={reasonId}>差戻し理由（必須・{REJECT_REASON_MAX_LENGTH}文字まで）</label>
          <textarea
            id={reasonId}
            data-testid="reject-reason"
            required
            rows={3}
            maxLength={REJECT_REASON_MAX_LENGTH}
            value={reason}
            disabled={disabled}
            aria-invalid={Boolean(reasonError)}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          <FieldError id={`${reasonId}-error`} message={reasonError} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              data-testid="reject-confirm"
              disabled={disabled}
              onClick={confirmRejection}
            >
              差戻しを確定
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
