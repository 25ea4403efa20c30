import { QueryClientProvider } from '@tanstack/react-query';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { AuthProvider } from '../lib/auth/AuthProvider';
import { createQueryClient } from '../lib/queryClient';
import { routes } from './router';
import { SystemProvider } from './SystemProvider';

// Hash routing lets the server serve index.html at "/" only, with no fallback for deep links.
const router = createHashRouter(routes);
const queryClient = createQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SystemProvider>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </SystemProvider>
    </QueryClientProvider>
  );
}
