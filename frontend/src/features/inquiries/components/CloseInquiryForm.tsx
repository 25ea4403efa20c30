import { useState, type FormEvent } from 'react';
import { ErrorMessage, FieldError } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
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
  const { run, error, fields: fieldErrors, busy } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => closeInquiry(receipt.id, receipt.version, closedOn, outcome.trim()))) {
      onClosed();
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
