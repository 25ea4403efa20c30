import { useState } from 'react';
import { TextAreaField } from './TextAreaField';

interface ReasonPromptProps {
  /** The textarea's id, unique on the page. */
  id: string;
  label: string;
  submitLabel: string;
  busy: boolean;
  /** The server's message for the reason. */
  error?: string;
  /** Resolves true when the reason was taken, which closes the prompt. */
  onSubmit: (reason: string) => Promise<boolean>;
  onCancel: () => void;
}

/** A reason asked for in place, in a row of a list, e.g. why a difference is not applied. */
export function ReasonPrompt({ id, label, submitLabel, busy, error, onSubmit, onCancel }: ReasonPromptProps) {
  const [reason, setReason] = useState('');
  return (
    <div>
      <TextAreaField id={id} label={label} required value={reason} maxLength={500} error={error} onChange={setReason} />
      <button type="button" className="primary" disabled={busy} onClick={() => void onSubmit(reason)}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        やめる
      </button>
    </div>
  );
}
