import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Features do not import each other (bulletproof-react): what two features share lives in components/ or lib/,
// and only app/ (routes, layout) puts features together.
const FEATURES = [
  'admin',
  'approvals',
  'audit',
  'auth',
  'copay-exemptions',
  'doses',
  'inquiries',
  'kpi',
  'outreach',
  'processes',
  'queries',
  'relief',
  'resident-requests',
  'residents',
  'retention',
  'simulators',
  'tasks',
];

const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'Features do not import each other: move what they share to src/components or src/lib.',
}));

export default tseslint.config(
  { ignores: ['dist/', 'node/', 'node_modules/', 'target/', 'e2e/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  jsxA11y.flatConfigs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureZones,
            {
              target: ['./src/components', './src/lib'],
              from: ['./src/features', './src/app'],
              message: 'Shared code does not depend on features or the app.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Japanese text sets full-width spaces (U+3000) on purpose; they stay forbidden in code.
      'no-irregular-whitespace': ['error', { skipJSXText: true, skipStrings: true, skipTemplates: true }],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.vitest } },
  },
  {
    files: ['*.config.{js,ts}', 'e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
