import { useState, type FormEvent } from 'react';
import { ErrorMessage, FieldError } from '../../../components/Message';
import type { FieldErrors } from '../../../lib/api';
import { asApiError } from '../../../lib/useAsync';
import { closeInquiry, type InquiryReceipt } from '../api';

interface CloseInquiryFormProps {
  receipt: InquiryReceipt;
  today: string;
  onClosed: () => void;
}

/** Records how an inquiry was answered and when, which ends its tracking. */
export function CloseInquiryForm({ receipt, today, onClosed }: CloseInquiryFormProps) {
  const [closedOn, setClosedOn] = useState(today);
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await closeInquiry(receipt.id, receipt.version, closedOn, outcome.trim());
      onClosed();
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError.message);
      setFieldErrors(apiError.fields);
    } finally {
      setBusy(false);
    }
  }

  const prefix = `inquiry-${receipt.id}`;
  return (
    <form className="entry-form" onSubmit={(event) => void submit(event)} noValidate data-testid="close-inquiry-form">
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="field">
        <label htmlFor={`${prefix}-closed-on`}>完了日</label>
        <input
          id={`${prefix}-closed-on`}
          type="date"
          max={today}
          value={closedOn}
          onChange={(event) => setClosedOn(event.target.value)}
        />
        <FieldError id={`${prefix}-closed-on-error`} message={fieldErrors.closedOn} />
      </div>
      <div className="field field-wide">
        <label htmlFor={`${prefix}-outcome`}>対応の結果</label>
        <textarea
          id={`${prefix}-outcome`}
          maxLength={2000}
          value={outcome}
          aria-invalid={fieldErrors.outcome ? true : undefined}
          onChange={(event) => setOutcome(event.target.value)}
        />
        <FieldError id={`${prefix}-outcome-error`} message={fieldErrors.outcome} />
      </div>
      <button type="submit" disabled={busy}>
        完了を記録
      </button>
    </form>
  );
}
