import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const featureFolders = ['chart', 'panel', 'search', 'compare', 'io', 'header', 'outline', 'timeline', 'changes', 'edit'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'public', 'bench/.artifacts', 'tests/e2e/.artifacts', 'scripts/.*.local.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks, 'simple-import-sort': simpleImportSort },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
    },
  },
  {
    // The model is pure: no React, no zustand, no DOM-manipulating d3.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'd3-selection', 'd3-zoom', 'd3-transition'],
              message: 'src/model is pure TypeScript: no React, zustand or DOM code.',
            },
            {
              group: [
                '../store/*',
                '../chart/*',
                '../panel/*',
                '../search/*',
                '../compare/*',
                '../io/*',
                '../header/*',
                '../outline/*',
                '../timeline/*',
                '../edit/*',
                '../i18n/*',
                '../shared/*',
                '../engine/*',
              ],
              message: 'src/model must not reach up into the app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The chart engine (layout, zoom, culling, view moves, card layout, renderers, SVG export) is to the chart view what
    // @xyflow/system is to @xyflow/react: plain functions over the model and d3, usable without React or the store.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*'], message: 'src/engine is React-free: no React or zustand.' },
            {
              group: ['../store/*', '../i18n/*', '../shared/*', ...featureFolders.map((folder) => `../${folder}/*`)],
              message: 'src/engine sits below the store and the views: it imports only src/model and d3.',
            },
          ],
        },
      ],
    },
  },
  {
    // The interface's words sit below the store: the store holds the chosen language and the notices worded from them, so
    // words that reached back up into the store (as UiLanguage once made them) would import each other in a cycle.
    files: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*'],
              message: 'src/i18n is words: no React or zustand (useMessages and chooseLanguage live in src/store).',
            },
            {
              group: ['../store/*', '../shared/*', ...featureFolders.map((folder) => `../${folder}/*`)],
              message: 'src/i18n must not import the store or the views: the store imports the words, not the other way round.',
            },
          ],
        },
      ],
    },
  },
  // The layers below the views never reach up into them: the store holds what the views share, and src/shared's hooks read the store.
  ...[
    { folder: 'store', below: ['shared', ...featureFolders] },
    { folder: 'shared', below: featureFolders },
  ].map(({ folder, below }) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: below.map((other) => `../${other}/*`), message: `src/${folder} must not import ${below.map((other) => `src/${other}`).join(', ')}.` },
          ],
        },
      ],
    },
  })),
  // Feature folders do not import each other; they meet in App.tsx through the store.
  ...featureFolders.map((folder) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: featureFolders
            .filter((other) => other !== folder)
            .map((other) => ({
              group: [`../${other}/*`, `../${other}`],
              message: `src/${folder} must not import src/${other}: go through the store or model.`,
            })),
        },
      ],
    },
  })),
);
