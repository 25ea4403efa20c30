import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { routes } from '../app/router';
import { SystemProvider } from '../app/SystemProvider';
import { AuthProvider } from '../features/auth/AuthProvider';

/** Renders the whole app (providers, layout, routing) at the given path. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <SystemProvider>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </SystemProvider>,
  );
  return { ...result, router };
}
