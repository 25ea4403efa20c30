import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  build: {
    // Maven packs this folder into the jar that Spring Boot serves at "/".
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // The build machines are shared (load averages of 20-40 on 2 cores seen): the form-heavy tests that take 1-3 s
    // alone pass the 5 s default there.
    testTimeout: 20_000,
  },
});
