import { defineConfig } from 'vitest/config';

const integration = ['apps/server/**/*.int.test.ts'];
const withPostgres = Boolean(process.env.DATABASE_URL) || process.env.CI === 'true';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { test: { name: 'unit', include: ['packages/**/*.test.ts', 'apps/**/*.test.ts'], exclude: [...integration, '**/node_modules/**'] } },
      {
        test: {
          name: 'pglite',
          include: integration,
          globalSetup: ['apps/server/test/global-setup.ts'],
          env: { FIREBREAK_TEST_BACKEND: 'pglite' },
          pool: 'forks',
        },
      },
      ...(withPostgres
        ? [{
            test: {
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
