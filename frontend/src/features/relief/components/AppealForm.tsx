import { useState, type FormEvent } from 'react';
import { ErrorMessage, FieldError } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import { fileAppeal } from '../api';

interface AppealFormProps {
  claimId: number;
  version: number;
  today: string;
}

/** 審査請求: records the claimant's appeal to the prefectural governor against a 不支給 decision. */
export function AppealForm({ claimId, version, today }: AppealFormProps) {
  const [filedOn, setFiledOn] = useState(today);
  const [note, setNote] = useState('');
  const { run, error, fields: fieldErrors, busy } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => fileAppeal(claimId, version, filedOn, note.trim()));
  }

  return (
    <section className="case-section" aria-labelledby="relief-appeal-title">
      <h2 id="relief-appeal-title">審査請求の受付</h2>
      <p>
        請求者が都道府県知事に審査請求をしたときに記録します。裁決はタスク一覧の「審査請求の裁決の記録」で記録します。
      </p>
      {error && <ErrorMessage testId="relief-appeal-error">{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="relief-appeal-date">審査請求の日付</label>
          <input
            id="relief-appeal-date"
            type="date"
            required
            max={today}
            value={filedOn}
            onChange={(event) => setFiledOn(event.target.value)}
          />
          <FieldError id="relief-appeal-date-error" message={fieldErrors.filedOn} />
        </div>
        <div className="field field-wide">
          <label htmlFor="relief-appeal-note">備考</label>
          <textarea
            id="relief-appeal-note"
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <button type="submit" data-testid="relief-appeal-button" disabled={busy}>
          審査請求を記録
        </button>
      </form>
    </section>
  );
}
