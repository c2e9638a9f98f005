// One lint config for every workspace. Package boundaries are enforced here, not by memory:
// shared imports none of ours; console-ui never imports console-server; the extension imports only shared;
// a server feature imports another feature only through its public index.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ours = (...names) => names.map((name) => ({ group: [`@waymark/${name}`, `@waymark/${name}/*`] }));
const boundaryPatterns = (forbidden, message) => [
  ...ours(...forbidden).map((p) => ({ ...p, message })),
  {
    group: ['../../*/src/*', '../../../*/src/*'],
    message: 'Import other workspaces by package name.',
  },
];
const boundary = (files, forbidden, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: boundaryPatterns(forbidden, message) }] },
});
const CONSOLE_UI_MESSAGE = 'console-ui talks to the server over HTTP and Socket.IO only.';
const SERVER_FORBIDDEN = ['console-ui', 'extension', 'test'];
const SERVER_MESSAGE = 'the server imports only @waymark/shared.';
// A server feature (console-server/src/features/<feature>/) reaches another feature only through
// its public index.ts: `../devices-and-enrollment`, never `../devices-and-enrollment/device-service`.
// One block per folder depth inside a feature, since the path climbs one `../` per level.
const featureBoundary = (depth) => ({
  files: [`console-server/src/features/*/${'*/'.repeat(depth)}*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...boundaryPatterns(SERVER_FORBIDDEN, SERVER_MESSAGE),
          {
            regex: `^${'\\.\\./'.repeat(depth + 1)}[^./][^/]*/.`,
            message: 'Import another feature through its index.ts (`../<feature>`), not its internals.',
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/.output/',
      '**/.wxt/',
      '**/data/',
      'console-server/drizzle/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  boundary(
    ['shared/**'],
    ['console-server', 'console-ui', 'extension', 'test'],
    'shared imports none of our packages.',
  ),
  boundary(['console-ui/**'], ['console-server', 'extension', 'test'], CONSOLE_UI_MESSAGE),
  boundary(
    ['extension/**'],
    ['console-server', 'console-ui', 'test'],
    'the extension imports only @waymark/shared.',
  ),
  boundary(['console-server/**'], SERVER_FORBIDDEN, SERVER_MESSAGE),
  featureBoundary(0),
  featureBoundary(1),
  // A screen calls the server through a contract (`call(endpoint, …)`, console-ui/src/lib/call.ts),
  // never through the untyped `api<T>(path)` helper (docs/architecture.md, "Declaring an HTTP
  // endpoint").
  {
    files: ['console-ui/src/screens/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...boundaryPatterns(['console-server', 'extension', 'test'], CONSOLE_UI_MESSAGE),
            {
              regex: '(^|/)lib/api$',
              importNames: ['api'],
              message: 'Call the server through its contract: call(endpoint, …) from lib/call.',
            },
          ],
        },
      ],
    },
  },
);
