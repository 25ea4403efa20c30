import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook } from '@testing-library/react';

/** A fresh cache per render, never retrying, so that no test sees another's answers or waits for a retry. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export function withQueryClient(client: QueryClient = testQueryClient()) {
  return function QueryWrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  };
}

/** Renders one component outside the app, with the cache every data-loading component needs. */
export function renderWithQueries(ui: ReactNode) {
  return render(ui, { wrapper: withQueryClient() });
}

export function renderHookWithQueries<T>(hook: () => T) {
  return renderHook(hook, { wrapper: withQueryClient() });
}
