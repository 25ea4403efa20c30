import { useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError, asApiError, type FieldErrors } from './api';

export interface ActionOptions {
  /**
   * The queries whose answers the action changes. By default every cached query is marked stale (and the shown
   * ones fetched again): a completion or claim moves tasks, counts, statuses and timelines of several features at
   * once. A read-only action (a search, a reveal, a download) passes `[]`.
   */
  invalidates?: readonly QueryKey[];
  /**
   * Told of every failure of the work, for a caller whose part of the page may close before it could show it (a
   * row editor that a lost race turns into a report hands the message to the table around it).
   */
  onFailure?: (failure: ApiError) => void;
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
export function useAction<R = unknown>({ invalidates = EVERYTHING, onFailure }: ActionOptions = {}) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // What the last successful work returned, for actions that bring back something to show (a report, a check).
  const [result, setResult] = useState<R | null>(null);
  // The whole refusal, for callers that act on its status or code (a 422 asking for confirmation, a 409 conflict).
  const [failure, setFailure] = useState<ApiError | null>(null);

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
    setFailure(null);
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
      setFailure(apiError);
      onFailure?.(apiError);
      // A lost race (another officer acted first): what the page shows is out of date, so fetch its present state.
      if (apiError.status === 409) {
        invalidate();
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  /**
   * A check made before anything is sent: its field errors show as the server's would, and its message (if any) as
   * the server's message would.
   */
  function refuse(fieldErrors: FieldErrors, refusal: string | null = null) {
    setMessage(null);
    setError(refusal);
    setFields(fieldErrors);
    setFailure(null);
  }

  /** Forgets the last outcome, e.g. when the form it belongs to is closed. */
  function reset() {
    setMessage(null);
    setError(null);
    setFields({});
    setResult(null);
    setFailure(null);
  }

  return { run, refuse, message, error, fields, busy, result, failure, reset };
}
