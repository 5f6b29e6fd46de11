// House style, checked by `npm run lint` (README "House style"): typescript-eslint's recommended rules on the
// server and the console, React's hook rules on the console and, in the workflows, the two promise rules that
// need type information. Formatting is Prettier's (prettier.config.js), so no rule here is about layout.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['**/dist/', 'prisma/generated/', 'data/', 'tmp/', 'test-artifacts/']),
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a parameter or binding kept on purpose (a handler's signature, a field
      // dropped from a rest spread).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A variable a query handler reads before the workflow first assigns it cannot become a const there.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Every control character in a pattern here is deliberate: U+0000, which PostgreSQL cannot store
      // (api/errors.ts), CSV formula injection (api/csv.ts), terminal colour codes (scripts/test-failures.mjs).
      'no-control-regex': 'off',
      // Chinese text is set with the ideographic space U+3000.
      'no-irregular-whitespace': ['error', { skipTemplates: true, skipJSXText: true }],
      // test/console-csv.test.ts reads the console's ambient declaration of a CommonJS module.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always' }],
    },
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  // Tests send deliberately ill-typed bodies and read loosely typed answers.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    // The rules of hooks, as eslint-plugin-react-hooks recommended them before version 7. Version 7 adds the
    // React Compiler's rules (purity, refs, set-state-in-effect…), which the console, not compiled by it,
    // breaks on purpose in a few places (a form synced from its props, the latest value kept in a ref).
    files: ['admin-ui/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // A promise a workflow neither awaits nor hands on (an activity, a timer, a child workflow) runs
    // unobserved: its failure is lost and the code after it no longer waits for it. These rules need type
    // information, so they are limited to the workflows (tsconfig.workflows.json) to keep the lint fast.
    files: ['workflows/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.workflows.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
