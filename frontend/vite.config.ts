import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The entry that starts a page's data requests (src/app/startEarly.ts), built as a small script of its own. */
const START_EARLY = 'startEarly';

/**
 * Loads that script ahead of the app's bundle, so that a reload or a new tab asks for its page's data once this small
 * script has arrived, instead of once the whole bundle has been fetched and parsed. main.tsx imports the same chunk
 * first, so it runs once either way, and the development server (which has no bundle) still starts the requests.
 */
function startEarlyFirst(): Plugin {
  return {
    name: 'start-early-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (file) => file.type === 'chunk' && file.isEntry && file.name === START_EARLY,
        );
        if (!chunk) {
          throw new Error(`the ${START_EARLY} entry is missing from the bundle`);
        }
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), startEarlyFirst()],
  build: {
    rollupOptions: {
      input: { index: 'index.html', [START_EARLY]: 'src/app/startEarly.ts' },
    },
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
