import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, CSV_FILE, MAPPING_FILE } from '../../../test/cad-export-sample.js';
import { runCli, tempDir } from '../../../test/processes.js';

/**
 * The CLI as the README runs it, into a fresh data folder (embedded database only: PostgreSQL is
 * never "fresh" here). Each run is a process that opens the database, so the steps are few.
 * vitest.config.ts runs this file in the pglite project only: it makes its own embedded database
 * whatever the project's backend, and once is enough.
 */
describe('`firebreak import calls` from a fresh data folder: dry run, partial exit code, batch, undo', () => {
  it('creates the database and its world first (serve not needed), exits 3 on a dry run with a rejected row, imports with --allow-partial and undoes the batch', { timeout: 4 * CLI_TIMEOUT }, async () => {
    const folder = tempDir('firebreak-fresh-');
    try {
      // Demo off keeps this quick: the world is then the bare national root (world.ts); with the
      // demo on, the same step loads the demo country (about 20 s more).
      const env = { FIREBREAK_DATA_DIR: folder.dir, FIREBREAK_DEMO: 'false' };
      const args = (...extra: string[]) => ['import', 'calls', CSV_FILE.pathname, '--mapping', MAPPING_FILE.pathname, '--jurisdiction', 'national', ...extra];

      const dry = await runCli(args('--dry-run'), env, CLI_TIMEOUT);
      expect(dry.code, `${dry.stdout}\n${dry.stderr}`).toBe(3);
      expect(dry.stdout).toContain('Dry run of county-cad-sample.csv (county-cad) into national: nothing written');
      expect(dry.stdout).toContain('6 readable calls: 6 would be new historical incidents with 5 unit responses');
      expect(dry.stdout).toContain('1 rows rejected (1 calls left out whole): unreadable_time 1');
      expect(dry.stdout).toContain('line 7 (call 2024-010006): Alarmiert "27.10.2024 14:32" is not ISO 8601');

      const partial = await runCli(args('--allow-partial'), env, CLI_TIMEOUT);
      expect(partial.code, `${partial.stdout}\n${partial.stderr}`).toBe(0);
      const id = /into national as batch ([0-9a-f-]{36})/.exec(partial.stdout)?.[1];
      expect(id, partial.stdout).toBeDefined();
      expect(partial.stdout).toContain('6 new historical incidents with 5 unit responses');

      const undo = await runCli(['import', 'calls', '--undo', id!], env, CLI_TIMEOUT);
      expect(undo.code, `${undo.stdout}\n${undo.stderr}`).toBe(0);
      expect(undo.stdout).toContain(`Undid batch ${id} (county-cad-sample.csv): removed 6 historical incidents and 5 unit responses`);

    } finally {
      folder.remove();
    }
  });
});
