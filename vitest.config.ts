import { defineConfig } from 'vitest/config';

const integration = ['apps/server/**/*.int.test.ts'];
const roadgraphPgrouting = ['packages/roadgraph/**/*.int.test.ts'];
const withPostgres = Boolean(process.env.DATABASE_URL) || process.env.CI === 'true';

// Inline projects do not inherit the root's timeouts: each one sets them.
const timeouts = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...timeouts, name: 'unit', include: ['packages/**/*.test.ts', 'apps/**/*.test.ts'], exclude: [...integration, ...roadgraphPgrouting, '**/node_modules/**'] } },
      {
        test: {
          ...timeouts,
          name: 'pglite',
          include: integration,
          globalSetup: ['apps/server/test/global-setup.ts'],
          env: { FIREBREAK_TEST_BACKEND: 'pglite' },
          pool: 'forks',
        },
      },
      // Compares costs with pgRouting on the PostgreSQL server; fails loudly when it is unreachable.
      ...(withPostgres ? [{ test: { name: 'roadgraph-pgrouting', include: roadgraphPgrouting } }] : []),
      ...(withPostgres
        ? [{
            test: {
              ...timeouts,
              name: 'postgres',
              include: integration,
              globalSetup: ['apps/server/test/global-setup.ts'],
              env: { FIREBREAK_TEST_BACKEND: 'postgres' },
              pool: 'forks' as const,
            },
          }]
        : []),
    ],
  },
});
