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
    ignores: ['tests/e2e/support/screenshots.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...testRestrictions,
        { selector: "MemberExpression[property.name='waitForTimeout']", message: 'No fixed sleeps: wait for the state (locator.waitFor, expect.poll, waitForFunction).' },
        { selector: "CallExpression[callee.property.name='screenshot']", message: "Screenshots go through a page model's expectScreenshot (tests/e2e/support/screenshots.ts), which compares them with the committed reference." },
      ],
    },
  },
);
