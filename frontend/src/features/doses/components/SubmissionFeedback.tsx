import { ErrorMessage } from '../../../components/Message';
import { problemsFromFields, type ProblemLine } from '../problems';
import type { Refusal } from '../useDoseSubmission';
import { ProblemList } from './ProblemList';

interface WarningConfirmationProps {
  message: string;
  problems: ProblemLine[];
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  testId: string;
  confirmTestId?: string;
}

/** Warnings only (e.g. E032 interval too short): the user reads them and may send the same items again. */
export function WarningConfirmation({
  message,
  problems,
  confirmLabel,
  busy,
  onConfirm,
  testId,
  confirmTestId = 'dose-confirm-warnings',
}: WarningConfirmationProps) {
  return (
    <div className="message message-warning" role="alert" data-testid={testId}>
      <p>{message}</p>
      <ProblemList problems={problems} />
      <div className="actions actions-start">
        <button type="button" className="primary" data-testid={confirmTestId} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}

interface SubmissionFeedbackProps {
  refusal: Refusal | null;
  busy: boolean;
  /** The page's prefix for test ids: `{testId}-error`, `{testId}-confirmation`. */
  testId: string;
  confirmLabel: string;
  onConfirm: () => void;
  /** Offered when someone else changed the record first. */
  onReload?: () => void;
}

/** The top of a dose form after a refusal: the server's message and every problem with its item. */
export function SubmissionFeedback({
  refusal,
  busy,
  testId,
  confirmLabel,
  onConfirm,
  onReload,
}: SubmissionFeedbackProps) {
  if (!refusal) {
    return null;
  }
  if (refusal.needsConfirmation) {
    return (
      <WarningConfirmation
        message={refusal.message}
        problems={problemsFromFields(refusal.fields, true)}
        confirmLabel={confirmLabel}
        busy={busy}
        onConfirm={onConfirm}
        testId={`${testId}-confirmation`}
      />
    );
  }
  return (
    <ErrorMessage testId={`${testId}-error`}>
      <p>{refusal.message}</p>
      <ProblemList problems={problemsFromFields(refusal.fields, false)} />
      {refusal.conflict && onReload && (
        <div className="actions actions-start">
          <button type="button" data-testid={`${testId}-reload`} onClick={onReload}>
            最新の内容を読み込む
          </button>
        </div>
      )}
    </ErrorMessage>
  );
}
