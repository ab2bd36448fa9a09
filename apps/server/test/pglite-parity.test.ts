import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MODULES = path.join(ROOT, 'apps/server/src/modules');

// The config is outside every tsconfig project (the root has no sources of its own): loaded by path.
const CONFIG = path.join(ROOT, 'vitest.config.ts');
const { pgliteParity, postgresOnly, httpTables, browserDriven } = (await import(CONFIG)) as Record<'pgliteParity' | 'postgresOnly' | 'httpTables', string[]> & {
  browserDriven: Record<string, string>;
};

/** The integration files under a folder, relative to the repository. */
function integrationFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.int.test.ts'))
    .map((f) => path.relative(ROOT, path.join(dir, f)));
}

/**
 * The PGlite parity set (vitest.config.ts, ADR 0014) names files by path: a renamed or moved file
 * would silently leave the set, and a new module would run on PostgreSQL only. This keeps both out:
 * a module with integration files has one in the set, or names the browser file that drives its
 * main flow on PGlite (`browserDriven`).
 */
describe('the PGlite parity set', () => {
  it('names integration files that exist, once each', () => {
    expect(pgliteParity.length).toBeGreaterThan(0);
    for (const file of pgliteParity) {
      expect(file).toMatch(/^apps\/server\/.*\.int\.test\.ts$/);
      expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    }
    expect(new Set(pgliteParity).size).toBe(pgliteParity.length);
  });

  it('holds none of the files the pglite project never runs with a server (PostgreSQL-only, the HTTP tables)', () => {
    for (const file of [...postgresOnly, ...httpTables]) expect(pgliteParity).not.toContain(file);
  });

  it('holds a file of every module that has integration tests, or the module names the browser file that drives it', () => {
    const modules = readdirSync(MODULES, { withFileTypes: true }).filter((d) => d.isDirectory());
    const uncovered = modules
      .filter((d) => integrationFiles(path.join(MODULES, d.name)).length > 0)
      .filter((d) => !pgliteParity.some((f) => f.startsWith(`apps/server/src/modules/${d.name}/`)))
      .filter((d) => browserDriven[d.name] === undefined)
      .map((d) => d.name);
    expect(uncovered).toEqual([]);
  });

  it('names, for each browser-driven module, a browser file that exists, and only modules that exist', () => {
    expect(Object.keys(browserDriven).length).toBeGreaterThan(0);
    for (const [module, file] of Object.entries(browserDriven)) {
      expect(existsSync(path.join(MODULES, module)), module).toBe(true);
      expect(file).toMatch(/^apps\/web\/e2e\/.*\.e2e\.test\.ts$/);
      expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    }
  });
});
