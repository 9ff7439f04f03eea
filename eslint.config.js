import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The pure layers (engine, scenario, trace) run in Node, in the page and in workers:
// no DOM, no React, no store, no D3 selections.
const pureLayers = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      message: 'Pure layers must not import React.',
    },
    { group: ['zustand', 'zustand/*'], message: 'Pure layers must not import the store.' },
    { group: ['d3-selection', 'd3-transition'], message: 'Pure layers must not touch the DOM.' },
    {
      group: ['**/store/*', '**/views/*', '**/playback/*', '**/app/*'],
      message: 'Data flows one way: engine → trace → store → views.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/views/**', 'src/app/**', 'src/store/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/engine/**', 'src/scenario/**', 'src/trace/**'],
    rules: {
      'no-restricted-imports': ['error', pureLayers],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage'],
    },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'The engine runs in virtual time only.',
        },
      ],
    },
  },
);
