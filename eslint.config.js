// Lint rules that keep the architecture honest: the renderer never reaches Node or Electron,
// shared/ stays runtime-neutral, type imports stay type imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
);
