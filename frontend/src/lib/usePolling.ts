import { useEffect } from 'react';

/**
 * Calls `reload` `intervalMs` after each load has finished, for as long as `active` holds: a slow server is never
 * asked again before it has answered.
 */
export function usePolling(active: boolean, loading: boolean, reload: () => void, intervalMs = 1000): void {
  useEffect(() => {
    if (!active || loading) {
      return;
    }
    const timer = setTimeout(reload, intervalMs);
    return () => clearTimeout(timer);
  }, [active, loading, reload, intervalMs]);
}
