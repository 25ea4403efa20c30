import { useState, type FormEvent } from 'react';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage, FieldError } from '../../../components/Message';
import { typedWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { readTypedDates } from '../../../lib/wareki';
import { closeInquiry, type InquiryReceipt } from '../api';

interface CloseInquiryFormProps {
  receipt: InquiryReceipt;
  today: string;
  onClosed: () => void;
}

/** Records how an inquiry was answered and when, which ends its tracking. */
export function CloseInquiryForm({ receipt, today, onClosed }: CloseInquiryFormProps) {
  const [closedOn, setClosedOn] = useState(typedWarekiDate(today));
  const [outcome, setOutcome] = useState('');
  const { run, refuse, error, fields: fieldErrors, busy } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readTypedDates({ closedOn });
    if (!read.ok) {
      refuse(read.unreadable);
      return;
    }
    if (await run(() => closeInquiry(receipt.id, receipt.version, read.dates.closedOn ?? '', outcome.trim()))) {
      onClosed();
    }
  }

  const prefix = `inquiry-${receipt.id}`;
  return (
    <form className="entry-form" onSubmit={(event) => void submit(event)} noValidate data-testid="close-inquiry-form">
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <JapaneseDateField
        id={`${prefix}-closed-on`}
        label="完了日"
        value={closedOn}
        error={fieldErrors.closedOn}
        onChange={setClosedOn}
      />
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
