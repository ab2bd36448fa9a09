import type { TestProject } from 'vitest/node';
import { buildCliBundle } from './cli-bundle.js';
import { buildPgliteTemplate, buildPostgresTemplate, ensureTestAppLogin } from './template.js';

interface Templates {
  pglite: Promise<string> | undefined;
  postgres: Promise<string> | undefined;
  /** `firebreak` as one module for the child processes the tests start (cli-bundle.ts); undefined when it did not build. */
  cliBundle: Promise<string | undefined>;
}

/** Shared by every project's call of this setup: they run one after another in the same process. */
const STARTED = Symbol.for('firebreak.test.templates');

/**
 * Starts every template the run's projects need at once, the first time any project asks: vitest
 * runs the projects' global setups one after another, and the PGlite build (WASM in this process)
 * and the PostgreSQL build (mostly the server's work) then overlap instead of adding up.
 */
function startTemplates(project: TestProject): Templates {
  const shared = globalThis as { [STARTED]?: Templates };
  if (shared[STARTED]) return shared[STARTED];
  const backends = new Set(project.vitest.projects.map((p) => p.config.env?.FIREBREAK_TEST_BACKEND));
  const url = process.env.DATABASE_URL;
  const templates: Templates = {
    pglite: backends.has('pglite') ? buildPgliteTemplate() : undefined,
    postgres: backends.has('postgres') && url ? buildPostgresTemplate(url) : undefined,
    // Sources esbuild cannot bundle fail the typecheck and the tests that load them; the children then start through tsx.
    cliBundle: buildCliBundle().catch(() => undefined),
  };
  // A failure is reported by the project that awaits it; until then it must not count as unhandled.
  for (const build of [templates.pglite, templates.postgres]) void build?.catch(() => undefined);
  shared[STARTED] = templates;
  return templates;
}

/** Builds the seeded template database once per run; every test file starts from a copy of it. */
export default async function setup(project: TestProject): Promise<void> {
  const backend = project.config.env?.FIREBREAK_TEST_BACKEND;
  const templates = startTemplates(project);
  // The test workers are forked from this process after the setup: they inherit its environment.
  const bundle = await templates.cliBundle;
  if (bundle) process.env.FIREBREAK_TEST_CLI_BUNDLE = bundle;
  if (backend === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('the postgres test project needs DATABASE_URL (CI sets it)');
    project.provide('pgTemplate', await (templates.postgres ?? buildPostgresTemplate(url)));
    await ensureTestAppLogin(url);
    project.provide('pgServerUrl', url);
  } else {
    project.provide('pgliteTemplate', await (templates.pglite ?? buildPgliteTemplate()));
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    pgServerUrl: string;
  }
}
