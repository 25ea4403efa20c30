import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { routes } from '../app/router';
import { SystemProvider } from '../app/SystemProvider';
import { AuthProvider } from '../lib/auth/AuthProvider';
import { testQueryClient } from './queryWrapper';

/** Renders the whole app (providers, layout, routing) at the given path, with a cache of its own. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = testQueryClient();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <SystemProvider>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </SystemProvider>
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}
