import { useState, type FormEvent } from 'react';
import { ErrorMessage, FieldError } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import { extendDeadline } from '../api';

interface ExtensionFormProps {
  requestId: number;
  version: number;
  today: string;
}

/** 期限の延長: once, by 30 days, after the notice (reason and period) was sent to the requester. */
export function ExtensionForm({ requestId, version, today }: ExtensionFormProps) {
  const [reason, setReason] = useState('');
  const [noticeSentOn, setNoticeSentOn] = useState('');
  const { run, error, fields: fieldErrors, busy } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => extendDeadline(requestId, version, reason.trim(), noticeSentOn));
  }

  return (
    <section className="case-section" aria-labelledby="request-extension-title">
      <h2 id="request-extension-title">期限の延長</h2>
      <p>
        期限内に決定できないときは、延長の理由と新しい期限を請求者に書面で通知してから記録します。延長は1回だけ、30日です。
      </p>
      {error && <ErrorMessage testId="request-extension-error">{error}</ErrorMessage>}
      <form className="entry-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field field-wide">
          <label htmlFor="request-extension-reason">延長の理由（通知に書いた理由）</label>
          <textarea
            id="request-extension-reason"
            maxLength={1000}
            value={reason}
            aria-invalid={fieldErrors.reason ? true : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          <FieldError id="request-extension-reason-error" message={fieldErrors.reason} />
        </div>
        <div className="field">
          <label htmlFor="request-extension-notice">延長の通知を送付した日</label>
          <input
            id="request-extension-notice"
            type="date"
            max={today}
            value={noticeSentOn}
            aria-invalid={fieldErrors.noticeSentOn ? true : undefined}
            onChange={(event) => setNoticeSentOn(event.target.value)}
          />
          <FieldError id="request-extension-notice-error" message={fieldErrors.noticeSentOn} />
        </div>
        <button type="submit" data-testid="request-extension-button" disabled={busy}>
          延長を記録
        </button>
      </form>
    </section>
  );
}
