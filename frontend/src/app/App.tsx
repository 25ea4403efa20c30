import { createHashRouter, RouterProvider } from 'react-router-dom';
import { AuthProvider } from '../features/auth/AuthProvider';
import { routes } from './router';
import { SystemProvider } from './SystemProvider';

// Hash routing lets the server serve index.html at "/" only, with no fallback for deep links.
const router = createHashRouter(routes);

export function App() {
  return (
    <SystemProvider>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </SystemProvider>
  );
}
