import { useState } from 'react';
import { ErrorMessage } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import { dismissFlag } from '../api';

/** A supervisor's explanation that a flagged dose is no mistake (e.g. a typing error corrected since). */
export function DismissFlagForm({ doseRecordId }: { doseRecordId: number }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, busy, error, fields } = useAction();

  if (!open) {
    return (
      <button type="button" data-testid={`dismiss-${doseRecordId}`} onClick={() => setOpen(true)}>
        間違いではない
      </button>
    );
  }
  const id = `dismiss-reason-${doseRecordId}`;
  return (
    <div className="inline-form">
      <label htmlFor={id}>間違いではないと判断した理由</label>
      <textarea id={id} value={reason} maxLength={500} rows={2} onChange={(event) => setReason(event.target.value)} />
      {error && (
        <ErrorMessage>
          {error}
          {fields.reason && `（${fields.reason}）`}
        </ErrorMessage>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => setOpen(false)}>
          やめる
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          data-testid={`dismiss-confirm-${doseRecordId}`}
          onClick={() => void run(() => dismissFlag(doseRecordId, reason))}
        >
          記録する
        </button>
      </div>
    </div>
  );
}
