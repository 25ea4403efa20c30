import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/Message';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { TextAreaField } from '../../../components/TextAreaField';
import { useAction } from '../../../lib/useAction';
import { readTypedDates } from '../../../lib/wareki';
import { extendDeadline } from '../api';

interface ExtensionFormProps {
  requestId: number;
  version: number;
}

/** 期限の延長: once, by 30 days, after the notice (reason and period) was sent to the requester. */
export function ExtensionForm({ requestId, version }: ExtensionFormProps) {
  const [reason, setReason] = useState('');
  const [noticeSentOn, setNoticeSentOn] = useState('');
  const { run, refuse, error, fields: fieldErrors, busy } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readTypedDates({ noticeSentOn });
    if (!read.ok) {
      refuse(read.unreadable);
      return;
    }
    await run(() => extendDeadline(requestId, version, reason.trim(), read.dates.noticeSentOn ?? ''));
  }

  return (
    <section className="case-section" aria-labelledby="request-extension-title">
      <h2 id="request-extension-title">期限の延長</h2>
      <p>
        期限内に決定できないときは、延長の理由と新しい期限を請求者に書面で通知してから記録します。延長は1回だけ、30日です。
      </p>
      {error && <ErrorMessage testId="request-extension-error">{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextAreaField
          id="request-extension-reason"
          label="延長の理由（通知に書いた理由）"
          maxLength={1000}
          value={reason}
          error={fieldErrors.reason}
          onChange={setReason}
        />
        <JapaneseDateField
          id="request-extension-notice"
          label="延長の通知を送付した日"
          value={noticeSentOn}
          error={fieldErrors.noticeSentOn}
          onChange={setNoticeSentOn}
        />
        <button type="submit" data-testid="request-extension-button" disabled={busy}>
          延長を記録
        </button>
      </form>
    </section>
  );
}
