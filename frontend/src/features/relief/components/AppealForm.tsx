import { useState, type FormEvent } from 'react';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage } from '../../../components/Message';
import { TextAreaField } from '../../../components/TextAreaField';
import { typedWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { readTypedDates } from '../../../lib/wareki';
import { fileAppeal } from '../api';

interface AppealFormProps {
  claimId: number;
  version: number;
  today: string;
}

/** 審査請求: records the claimant's appeal to the prefectural governor against a 不支給 decision. */
export function AppealForm({ claimId, version, today }: AppealFormProps) {
  const [filedOn, setFiledOn] = useState(typedWarekiDate(today));
  const [note, setNote] = useState('');
  const { run, refuse, error, fields: fieldErrors, busy } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readTypedDates({ filedOn });
    if (!read.ok) {
      refuse(read.unreadable);
      return;
    }
    await run(() => fileAppeal(claimId, version, read.dates.filedOn ?? '', note.trim()));
  }

  return (
    <section className="case-section" aria-labelledby="relief-appeal-title">
      <h2 id="relief-appeal-title">審査請求の受付</h2>
      <p>
        請求者が都道府県知事に審査請求をしたときに記録します。裁決はタスク一覧の「審査請求の裁決の記録」で記録します。
      </p>
      {error && <ErrorMessage testId="relief-appeal-error">{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={(event) => void submit(event)}>
        <JapaneseDateField
          id="relief-appeal-date"
          label="審査請求の日付"
          required
          value={filedOn}
          error={fieldErrors.filedOn}
          onChange={setFiledOn}
        />
        <TextAreaField id="relief-appeal-note" label="備考" maxLength={500} value={note} onChange={setNote} />
        <button type="submit" data-testid="relief-appeal-button" disabled={busy}>
          審査請求を記録
        </button>
      </form>
    </section>
  );
}
