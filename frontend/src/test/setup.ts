import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';

// Rendering form-js takes longer than the 1 s default when the machine is busy (e.g. a parallel build).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0].trim();
    if (name) {
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
    }
  }
});
