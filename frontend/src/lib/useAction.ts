import { useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { asApiError, type FieldErrors } from './api';

export interface ActionOptions {
  /**
   * The queries whose answers the action changes. By default every cached query is marked stale (and the shown
   * ones fetched again): a completion or claim moves tasks, counts, statuses and timelines of several features at
   * once. A read-only action (a search, a reveal, a download) passes `[]`.
   */
  invalidates?: readonly QueryKey[];
}

const EVERYTHING: readonly QueryKey[] = [[]];

/**
 * A user's action against the server; every form submission goes through it. It holds the success message to
 * show, or the server's message and field errors, and afterwards refreshes the cached queries the action changed.
 * `run` resolves to whether the work succeeded, so that a caller can reset its form or move on; a caller that moves
 * on after a success gives no message.
 *
 * Its state is React state rather than a useMutation's, so that the outcome is there as soon as `run` resolves.
 */
export function useAction<R = unknown>({ invalidates = EVERYTHING }: ActionOptions = {}) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // What the last successful work returned, for actions that bring back something to show (a report, a check).
  const [result, setResult] = useState<R | null>(null);

  function invalidate() {
    // Not awaited: the user sees the outcome at once, and the lists catch up behind it.
    for (const queryKey of invalidates) {
      void queryClient.invalidateQueries({ queryKey });
    }
  }

  /** `done` is the success message, or makes it from what the work returned (e.g. how many rows went out). */
  async function run(work: () => Promise<R>, done: string | null | ((result: R) => string) = null): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    setError(null);
    setFields({});
    try {
      const value = await work();
      setResult(() => value);
      setMessage(typeof done === 'function' ? done(value) : done);
      invalidate();
      return true;
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError.message);
      setFields(apiError.fields);
      setResult(null);
      // A lost race (another officer acted first): what the page shows is out of date, so fetch its present state.
      if (apiError.status === 409) {
        invalidate();
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** A check made before anything is sent: its field errors show as the server's would. */
  function refuse(fieldErrors: FieldErrors) {
    setMessage(null);
    setError(null);
    setFields(fieldErrors);
  }

  /** Forgets the last outcome, e.g. when the form it belongs to is closed. */
  function reset() {
    setMessage(null);
    setError(null);
    setFields({});
    setResult(null);
  }

  return { run, refuse, message, error, fields, busy, result, reset };
}
