import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildCliBundle } from './cli-bundle.js';
import { pgliteTemplateFile, postgresTemplateName } from './template.js';

type Backend = 'pglite' | 'postgres';

/** Where a template build says it is done (`ok`, or its error) and what it printed. */
export interface TemplateBuild {
  status: string;
  log: string;
}

interface Started {
  builds: Partial<Record<Backend, TemplateBuild>>;
  children: ChildProcess[];
  dir: string;
  /** `firebreak` as one module for the child processes the tests start (cli-bundle.ts); undefined when it did not build. */
  cliBundle: Promise<string | undefined>;
}

/** Shared by every project's call of this setup: they run one after another in the same process. */
const STARTED = Symbol.for('firebreak.test.templates');
const BUILDER = fileURLToPath(new URL('./template-build.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Starts every template the run's projects need, each in a process of its own (template-build.ts),
 * the first time any project asks, and returns without waiting for them: vitest starts no test
 * file before every global setup has returned, and the unit files, which need no template, run
 * meanwhile (the sequencer puts them first). Each integration file waits for its backend's build
 * (templates-ready.ts, a setup file of those projects).
 */
function startTemplates(project: TestProject): Started {
  const shared = globalThis as { [STARTED]?: Started };
  if (shared[STARTED]) return shared[STARTED];
  const backends = new Set(project.vitest.projects.map((p) => p.config.env?.FIREBREAK_TEST_BACKEND));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-templates-'));
  const started: Started = {
    builds: {},
    children: [],
    dir,
    // Sources esbuild cannot bundle fail the typecheck and the tests that load them; the children then start through tsx.
    cliBundle: buildCliBundle().catch(() => undefined),
  };
  for (const backend of ['pglite', 'postgres'] as const) {
    if (!backends.has(backend) || (backend === 'postgres' && !process.env.DATABASE_URL)) continue;
    const build = { status: path.join(dir, `${backend}.status`), log: path.join(dir, `${backend}.log`) };
    const out = openSync(build.log, 'w');
    const child = spawn(process.execPath, ['--import', 'tsx', BUILDER, backend, build.status], { cwd: REPO, stdio: ['ignore', out, out] });
    closeSync(out);
    // A build that dies before it can say so (killed, or its sources do not load) must not leave the files waiting.
    const died = (why: string) => void (existsSync(build.status) || writeFileSync(build.status, why));
    child.once('error', (err) => died(`could not start: ${err.message}`));
    child.once('exit', (code, signal) => died(`exit ${code ?? signal}`));
    started.children.push(child);
    started.builds[backend] = build;
  }
  shared[STARTED] = started;
  return started;
}

/**
 * Names the seeded template every test file starts from a copy of, and starts building it
 * (once per run); the files wait for it (templates-ready.ts).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const backend = project.config.env?.FIREBREAK_TEST_BACKEND;
  const started = startTemplates(project);
  // The test workers are forked from this process after the setup: they inherit its environment.
  const bundle = await started.cliBundle;
  if (bundle) process.env.FIREBREAK_TEST_CLI_BUNDLE = bundle;
  if (backend === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('the postgres test project needs DATABASE_URL (CI sets it)');
    project.provide('pgTemplate', postgresTemplateName());
    project.provide('pgServerUrl', url);
    project.provide('templateBuild', started.builds.postgres!);
  } else {
    project.provide('pgliteTemplate', pgliteTemplateFile());
    project.provide('templateBuild', started.builds.pglite!);
  }
  return () => {
    // A run cut short: the builds stop with it (a half-made template is never used: template.ts).
    for (const child of started.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    rmSync(started.dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    pgServerUrl: string;
    templateBuild: TemplateBuild;
  }
}
