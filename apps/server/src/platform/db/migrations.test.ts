import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './migrate.js';

const SERVER_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DRIZZLE_KIT = path.resolve(SERVER_ROOT, '../../node_modules/drizzle-kit/bin.cjs');

describe('migrations', () => {
  it('are current: drizzle-kit finds no change between the *.tables.ts schema and drizzle/', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'fb-migrations-'));
    try {
      cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
      const before = readdirSync(out).sort().concat('check.config.mjs').sort();
      // The project's own config, writing into a copy of drizzle/ (drizzle-kit wants a relative out).
      const config = path.join(out, 'check.config.mjs');
      writeFileSync(config, `export default ${JSON.stringify({
        dialect: 'postgresql',
        schema: ['./src/platform/db/*.tables.ts', './src/modules/*/*.tables.ts'],
        out: path.relative(SERVER_ROOT, out),
      })};`);
      const run = spawnSync(process.execPath, [DRIZZLE_KIT, 'generate', `--config=${config}`], { cwd: SERVER_ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).toContain('No schema changes');
      expect(readdirSync(out).sort()).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
