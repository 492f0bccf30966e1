// `npm run lint`. Formatting is Prettier's job (`npm run format`), so eslint-config-prettier turns
// off every stylistic rule that would disagree with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    'dist/',
    'public/model/',
    'bench/results/',
    'test-results/',
    'playwright-report/',
    '.model-build-*/',
    // The consumer apps are built by the package test against the installed package, with their own Vite.
    'package-test/apps/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // `_` marks a parameter or a destructured element that is there only to reach the next one.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended'], wc.configs['flat/best-practice']],
  },
  {
    files: ['scripts/**', 'test/**', 'e2e/**', 'cross-engine/**', 'package-test/**', 'bench/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['e2e/**', 'cross-engine/**', 'package-test/**'],
    // Playwright reads a fixture's dependencies from its first parameter, so a fixture needing none takes `{}`.
    rules: { 'no-empty-pattern': 'off' },
  },
  prettier,
]);
