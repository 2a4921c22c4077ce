// Lint rules that keep the architecture honest: the renderer never reaches Node or Electron,
// shared/ stays runtime-neutral, type imports stay type imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import vitest from '@vitest/eslint-plugin';

/** What no test may do; see the tests blocks at the end. */
const testRestrictions = [
  { selector: 'Literal[value=/shared\\/data/]', message: 'Find the real data through sharedDataDir() (server/catalog/readCatalogSource.ts), which honours MOTCUA_DATA_DIR.' },
  { selector: 'TemplateElement[value.raw=/shared\\/data/]', message: 'Find the real data through sharedDataDir() (server/catalog/readCatalogSource.ts), which honours MOTCUA_DATA_DIR.' },
];

/** For all e2e code: no sleeps, no screenshot that is not compared, no context without the suite's clock. */
const e2eRestrictions = [
  { selector: "MemberExpression[property.name='waitForTimeout']", message: 'No fixed sleeps: wait for the state (locator.waitFor, expect.poll, waitForFunction).' },
  { selector: "CallExpression[callee.property.name='screenshot']", message: "Screenshots go through a page model's expectScreenshot (tests/e2e/support/screenshots.ts), which compares them with the committed reference." },
  { selector: "CallExpression[callee.property.name='newContext'][callee.object.property.name='browser']", message: "Browser contexts come from harness.newContext(): the suite's clock, locale and time zone." },
];

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'electron', 'better-sqlite3', 'fastify'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: nodeOnly }],
    },
  },
  {
    // Screens reach the world through the seams only: storage through renderer/data/, the server
    // through renderer/sync/ (the one API client), the shell through renderer/platform/.
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/app/**/*.{ts,tsx}', 'renderer/App.tsx'],
    // useCatalog.ts is being reworked with the catalog's single delta path (issue 10, start-up work).
    ignores: ['renderer/app/useCatalog.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Requests go through renderer/sync/apiClient.ts.' },
        { name: 'localStorage', message: 'Device settings go through renderer/data/deviceSettings.ts.' },
        { name: 'sessionStorage', message: 'Storage goes through renderer/data/.' },
        { name: 'indexedDB', message: 'Storage goes through renderer/data/.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'fetch', message: 'Requests go through renderer/sync/apiClient.ts.' },
        { object: 'window', property: 'localStorage', message: 'Device settings go through renderer/data/deviceSettings.ts.' },
        { object: 'globalThis', property: 'fetch', message: 'Requests go through renderer/sync/apiClient.ts.' },
        { object: 'window', property: 'motcua', message: 'The shell is reached through renderer/platform/.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.type='MemberExpression'][object.object.name='db']", message: 'Read and write storage through renderer/data/.' },
        { selector: "MemberExpression[object.name='db'][property.name='transaction']", message: 'Transactions belong in renderer/data/.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...nodeOnly, 'react', 'dexie'] }] },
  },
  {
    files: ['server/**/*.ts', 'electron/**/*.ts', 'tests/**/*.{ts,tsx}', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  // Tests that can fail: every assertion runs on every path, timing is for the benchmarks, the real
  // data folder comes from sharedDataDir() (MOTCUA_DATA_DIR), screens are compared, not just saved.
  {
    files: ['tests/**/*.{ts,tsx}'],
    plugins: { vitest },
    rules: {
      'vitest/no-conditional-expect': 'error',
      'vitest/no-focused-tests': 'error',
      'no-restricted-syntax': ['error', ...testRestrictions],
    },
  },
  {
    files: ['tests/unit/**/*.{ts,tsx}', 'tests/integration/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...testRestrictions,
        { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'No timing assertions in unit or integration tests: measure it in a benchmark (tests/bench, npm run bench:*).' },
      ],
    },
  },
  {
    files: ['tests/e2e/**/*.ts'],
    ignores: ['tests/e2e/support/screenshots.ts', 'tests/e2e/**/*.e2e.ts'],
    rules: { 'no-restricted-syntax': ['error', ...testRestrictions, ...e2eRestrictions] },
  },
  {
    // The tests themselves: every step through a page model (tests/e2e/pageModels/), none on the raw page.
    files: ['tests/e2e/**/*.e2e.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...testRestrictions,
        ...e2eRestrictions,
        {
          selector: "CallExpression[callee.property.name=/^(getByTestId|getByText|getByRole|getByLabel|getByPlaceholder|locator|evaluate|evaluateAll|waitForSelector|waitForFunction)$/]",
          message: 'E2E steps go through a page model (tests/e2e/pageModels/): name the step there, in the words of the screen.',
        },
        { selector: "MemberExpression[property.name=/^(keyboard|mouse|touchscreen)$/]", message: 'E2E steps go through a page model (tests/e2e/pageModels/): name the step there, in the words of the screen.' },
      ],
    },
  },
);
