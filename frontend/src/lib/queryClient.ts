import { QueryClient } from '@tanstack/react-query';
import type { ApiError } from './api';

declare module '@tanstack/react-query' {
  // The api module turns every failure into an ApiError, so that a query's error carries the server's message.
  interface Register {
    defaultError: ApiError;
  }
}

/**
 * The app's cache of server state. A failed request is shown at once rather than retried: staff read the server's
 * message (a refusal, a missing case) and decide themselves, as they did before the cache existed.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
