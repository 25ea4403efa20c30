import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { ApiError } from './api';

export interface AsyncState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, '予期しないエラーが発生しました。');
}

/** Loads data whenever `deps` change; answers of superseded loads are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (current) {
          setData(value);
          setLoading(false);
        }
      },
      (failure: unknown) => {
        if (current) {
          setError(asApiError(failure));
          setLoading(false);
        }
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on every render; the caller's deps say when it really changes.
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, reload };
}
