import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/Message';
import { TextAreaField } from '../../../components/TextAreaField';
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
        <TextAreaField
          id="withdrawal-reason"
          label="取下げの理由"
          required
          requiredMark={false}
          maxLength={500}
          value={reason}
          error={fieldErrors.reason}
          onChange={setReason}
        />
        <button type="submit" data-testid="withdrawal-button" disabled={busy}>
          取り下げる
        </button>
      </form>
    </section>
  );
}
