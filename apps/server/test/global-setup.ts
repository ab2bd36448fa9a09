import type { TestProject } from 'vitest/node';
import { buildPgliteTemplate, buildPostgresTemplate, ensureTestAppLogin } from './template.js';

/** Builds the seeded template database once per run; every test file starts from a copy of it. */
export default async function setup(project: TestProject): Promise<void> {
  const backend = project.config.env?.FIREBREAK_TEST_BACKEND;
  if (backend === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('the postgres test project needs DATABASE_URL (CI sets it)');
    project.provide('pgTemplate', await buildPostgresTemplate(url));
    await ensureTestAppLogin(url);
    project.provide('pgServerUrl', url);
  } else {
    project.provide('pgliteTemplate', await buildPgliteTemplate());
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    pgServerUrl: string;
  }
}
