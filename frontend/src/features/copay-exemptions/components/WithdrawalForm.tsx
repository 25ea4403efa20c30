import { useState, type FormEvent } from 'react';
import { ErrorMessage, FieldError } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import { withdrawCoPayExemption } from '../api';

interface WithdrawalFormProps {
  id: number;
  /** The version on screen: if the application changed meanwhile, the server refuses and asks for a refresh. */
  version: number;
}

/** 取下げ at the applicant's request: ends the case wherever it waits, with the reason on record. */
export function WithdrawalForm({ id, version }: WithdrawalFormProps) {
  const [reason, setReason] = useState('');
  const { run, error, fields: fieldErrors, busy } = useAction();

  async function withdraw(event: FormEvent) {
    event.preventDefault();
    await run(() => withdrawCoPayExemption(id, version, reason.trim()));
  }

  return (
    <section className="case-section" aria-labelledby="withdrawal-title">
      <h2 id="withdrawal-title">申請の取下げ</h2>
      <p>申請者から取下げの申し出があったときに使います。進行中の手順は終了し、決定通知は出ません。</p>
      {error && <ErrorMessage testId="withdrawal-error">{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={(event) => void withdraw(event)}>
        <div className="field field-wide">
          <label htmlFor="withdrawal-reason">取下げの理由</label>
          <textarea
            id="withdrawal-reason"
            data-testid="withdrawal-reason"
            required
            maxLength={500}
            value={reason}
            aria-invalid={Boolean(fieldErrors.reason)}
            aria-describedby={fieldErrors.reason ? 'withdrawal-reason-error' : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          <FieldError id="withdrawal-reason-error" message={fieldErrors.reason} />
        </div>
        <button type="submit" data-testid="withdrawal-button" disabled={busy}>
          取り下げる
        </button>
      </form>
    </section>
  );
}
