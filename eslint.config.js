import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.firebreak/**', 'apps/server/drizzle/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@firebreak/*', '../../apps/*'], message: 'contracts is the lowest layer: it imports nothing of ours' }] }],
    },
  },
  {
    // A module reaches another only through its index.ts (DESIGN.md: "never into its tables").
    files: ['apps/server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./[^/.][^/]*/(?!index\\.js$)', message: 'import another module only through its index.ts' }] }],
    },
  },
  {
    // Table definitions may reference another module's table for a foreign key: the database
    // holds that relation anyway, and going through index.ts would load a module's whole graph.
    files: ['apps/server/src/modules/**/*.tables.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./[^/.][^/]*/(?!index\\.js$|[^/]+\\.tables\\.js$)', message: 'import another module only through its index.ts (or its *.tables.ts for a foreign key)' }] }],
    },
  },
  {
    // The browser app talks to the server over HTTP only, through @firebreak/client (typed from the OpenAPI
    // document); it shares form types through contracts.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        // Types only from contracts: its values pull zod and every schema into the bundle (see apps/web/src/api/enums.ts).
        paths: [
          { name: '@firebreak/contracts', allowTypeImports: true, message: 'import types only from @firebreak/contracts in the web app; enum values are in src/api/enums.ts' },
          { name: 'react-i18next', message: 'useTranslation comes from src/i18n/use-translation.ts (react-i18next was ~2 KB gzip of the first load for that one hook)' },
        ],
        patterns: [{ group: ['**/apps/server/**', '@firebreak/server', '@firebreak/roadgraph', 'node:*'], message: 'the web app reaches the server through @firebreak/client and shares only @firebreak/contracts types' }],
      }],
      // A date or number formatted without the UI language comes out in the browser's (an English "Dec 7" on a Chinese
      // screen): pass i18n.language. (Intl.DateTimeFormat().resolvedOptions(), for the time zone alone, stays allowed.)
      'no-restricted-syntax': ['error',
        { selector: 'CallExpression[arguments.length=0][callee.property.name=/^toLocale(Date|Time)?String$/]', message: 'format in the UI language: toLocale…String(i18n.language, …)' },
        { selector: 'CallExpression[arguments.0.type="Identifier"][arguments.0.name="undefined"][callee.property.name=/^toLocale(Date|Time)?String$/]', message: 'format in the UI language: toLocale…String(i18n.language, …)' },
        { selector: 'NewExpression[callee.object.name="Intl"]:matches([arguments.length=0], [arguments.0.type="Identifier"][arguments.0.name="undefined"])', message: 'format in the UI language: new Intl.…(i18n.language, …)' },
      ],
    },
  },
  {
    files: ['apps/server/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'the platform kernel must not depend on modules' }] }],
    },
  },
);
