/**
 * One backend's test template, built in a process of its own: `node --import tsx template-build.ts
 * <pglite|postgres> <status file>` (global-setup.ts starts it). When done it writes `ok` to the
 * status file, or the error; the integration files wait for that (templates-ready.ts).
 *
 * Why a process: vitest starts no test file before every global setup has returned, and the
 * builds took their first minute or more with one core busy (PGlite's WASM and the OSM import run
 * on one thread). Built here, beside the run, the unit files use the other core meanwhile, and the
 * two builds no longer share one thread.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { buildPgliteTemplate, buildPostgresTemplate, ensureTestAppLogin } from './template.js';

const [backend, status] = process.argv.slice(2);

async function build(): Promise<void> {
  if (backend === 'pglite') {
    await buildPgliteTemplate();
    return;
  }
  const url = process.env.DATABASE_URL;
  if (backend !== 'postgres' || !url) throw new Error(`usage: template-build.ts pglite|postgres <status file> (postgres needs DATABASE_URL); got ${backend ?? 'nothing'}`);
  await buildPostgresTemplate(url);
  // The login needs the application role, which the template's migrations create.
  await ensureTestAppLogin(url);
}

/** Written aside and renamed: a reader never sees half a status. */
function report(outcome: string): void {
  if (!status) return;
  writeFileSync(`${status}.partial`, outcome);
  renameSync(`${status}.partial`, status);
}

try {
  await build();
  report('ok');
} catch (err) {
  report(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
}
// Whatever a closed platform leaves behind (a timer, a pool's idle client) must not keep the build alive.
process.exit();
