import { useState } from 'react';
import type { FieldErrors } from './api';
import { asApiError } from './useAsync';

/**
 * A user's action against the server: the success message to show, or the server's message and field errors.
 * `run` resolves to whether the work succeeded, so that a caller can reset its form or reload its list; a caller
 * that moves on after a success (e.g. reloads the page it sits on) gives no message.
 */
export function useAction() {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<unknown>, done: string | null = null): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    setError(null);
    setFields({});
    try {
      await work();
      setMessage(done);
      return true;
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError.message);
      setFields(apiError.fields);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { run, message, error, fields, busy };
}
