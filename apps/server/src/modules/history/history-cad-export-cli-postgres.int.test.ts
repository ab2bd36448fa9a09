import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, startTestApp, type TestApp } from '../../../test/harness.js';
import { CLI_TIMEOUT, CSV_FILE, MAPPING_FILE, corrected } from '../../../test/cad-export-sample.js';
import { cliEnvFor, runCli, tempDir } from '../../../test/processes.js';

/**
 * The CLI on PostgreSQL (where a run is quick): a partial file refused, imported in part, undone,
 * and the corrected file imported. vitest.config.ts runs this file in the postgres project only.
 */
describe('`firebreak import calls` on PostgreSQL: refusal, --allow-partial, --undo, the corrected file', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it('exits 3 and writes nothing for a file with a rejected row, imports it with --allow-partial, undoes it (--list says so), then imports the corrected file whole', { timeout: 2 * CLI_TIMEOUT }, async () => {
    const folder = tempDir('firebreak-cad-');
    try {
      const env = await cliEnvFor(t, folder.dir);
      const fixed = path.join(folder.dir, 'county-fixed.csv');
      writeFileSync(fixed, corrected);
      const args = (file: string, ...extra: string[]) => ['import', 'calls', file, '--mapping', MAPPING_FILE.pathname, '--jurisdiction', 'li.oberland.triesen', ...extra];
      const triesen = await jurisdictionByPath(t.app, 'li.oberland.triesen');
      const held = async () => Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from incidents where origin = 'historical' and jurisdiction_id = ${triesen.id}`))[0]!.n);

      const refused = await runCli(args(CSV_FILE.pathname), env);
      expect(refused.code, refused.stderr).toBe(3);
      expect(refused.stdout).toContain('Nothing imported: fix the rows above, or pass --allow-partial to import the readable calls');
      expect(await held()).toBe(0);

      const partial = await runCli(args(CSV_FILE.pathname, '--allow-partial'), env);
      expect(partial.code, partial.stderr).toBe(0);
      const id = /as batch ([0-9a-f-]{36})/.exec(partial.stdout)![1]!;
      expect(await held()).toBe(6);

      const undo = await runCli(['import', 'calls', '--undo', id], env);
      expect(undo.code, undo.stderr).toBe(0);
      expect(await held()).toBe(0);

      const list = await runCli(['import', 'calls', '--list', '--jurisdiction', 'li.oberland.triesen'], env);
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toMatch(new RegExp(`${id}  \\S+  li\\.oberland\\.triesen  county-cad-sample\\.csv \\(county-cad\\) by cli: undone \\S+ by cli`));

      const whole = await runCli(args(fixed), env);
      expect(whole.code, whole.stderr).toBe(0);
      expect(whole.stdout).toContain('7 new historical incidents with 6 unit responses, 0 already imported');
      expect(await held()).toBe(7);
    } finally {
      folder.remove();
    }
  });

  it('--relocate places the calls into the jurisdiction, marked relocated; --seed alone is refused', { timeout: 2 * CLI_TIMEOUT }, async () => {
    const folder = tempDir('firebreak-cad-relocate-');
    try {
      const env = await cliEnvFor(t, folder.dir);
      const fixed = path.join(folder.dir, 'county-fixed.csv');
      writeFileSync(fixed, corrected);
      const args = (...extra: string[]) => ['import', 'calls', fixed, '--mapping', MAPPING_FILE.pathname, '--jurisdiction', 'li.unterland', ...extra];

      const refused = await runCli(args('--seed', '7'), env);
      expect(refused.code, refused.stdout).not.toBe(0);
      expect(refused.stderr).toContain('--seed places relocated calls: give it with --relocate');

      const moved = await runCli(args('--relocate', '--seed', '7'), env);
      expect(moved.code, `${moved.stdout}\n${moved.stderr}`).toBe(0);
      expect(moved.stdout).toContain('7 calls placed into li.unterland (relocated from county-fixed.csv)');
      // The export has no coordinates: each call now has a place inside Unterland, marked with the file.
      const id = /as batch ([0-9a-f-]{36})/.exec(moved.stdout)![1]!;
      const [placed] = await rows<{ n: number; inside: number; marked: number }>(t.app.platform.db, sql`
        select count(*)::int as n, count(*) filter (where ST_Covers(j.boundary, i.location))::int as inside, count(*) filter (where h.relocated_from = 'county-fixed.csv')::int as marked
          from incidents i join imported_calls h on h.incident_id = i.id join jurisdictions j on j.path = 'li.unterland' where h.batch_id = ${id}`);
      expect(placed).toEqual({ n: 7, inside: 7, marked: 7 });
    } finally {
      folder.remove();
    }
  });
});
