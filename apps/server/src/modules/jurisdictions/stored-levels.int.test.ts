import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { ConfigError } from '../../config.js';
import { parseLevels } from '../../config-levels.js';
import { backend, cloneTemplate, emptyDatabase, testConfig, type TestDatabase } from '../../../test/harness.js';
import { runCli, tempDir } from '../../../test/processes.js';
import { DEMO_PBF } from './index.js';

const CLI_TIMEOUT = 180_000;
const FIVE = 'national,province,city,district,station';

/** The template is the demo country at the default levels: national 1, region 2, municipality 11. */
describe('a start on levels the stored jurisdictions do not fit', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });
  const start = async (levelsText: string, names?: string) => {
    const db = await cloneTemplate();
    dbs.push(db);
    const config = testConfig({ databaseUrl: db.url, databaseOwnerUrl: db.ownerUrl, levels: parseLevels(levelsText, names).levels! });
    return buildApp(config, { database: db.database });
  };

  it('is refused, naming the stored levels that are not configured', async () => {
    const refused = start(FIVE);
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow(/FIREBREAK_LEVELS: the database holds jurisdictions at municipality \(11\), region \(2\), which are not among the configured levels national, province, city, district, station\. Levels cannot change once jurisdictions exist/);
  });

  it('is refused when the same levels are reordered, so that children would not be deeper than their parents', async () => {
    await expect(start('municipality,region,national,station')).rejects.toThrow(
      'FIREBREAK_LEVELS: in the order municipality, region, national, station, 2 region under a national, 11 municipality under a region would not be deeper than their parents; put the levels back in their order');
  });

  it('starts when a level is added below the ones in use', async () => {
    const app = await start('national,region,municipality,station,post', 'post=Post|岗位');
    expect(app.platform.config.levels.keys).toHaveLength(5);
    await app.close();
  });
});

/**
 * `firebreak import osm` as the README runs it for a five-level organisation, then the same
 * data folder (or database) with FIREBREAK_LEVELS changed back: refused, exit 2.
 */
describe('`firebreak import osm` at five levels, then with the levels changed', () => {
  it('imports with --levels, reports the admin_levels left out, and a later run on other levels exits 2 naming them', { timeout: 2 * CLI_TIMEOUT }, async () => {
    const folder = tempDir('firebreak-levels-');
    const db = backend === 'postgres' ? await emptyDatabase() : null;
    try {
      const env = { ...(db ? db.env : { FIREBREAK_DATA_DIR: folder.dir }), FIREBREAK_DEMO: 'false' };
      const first = await runCli(['import', 'osm', DEMO_PBF, '--country-code', 'li', '--levels', '2:national,6:province,8:city'], { ...env, FIREBREAK_LEVELS: FIVE }, CLI_TIMEOUT);
      expect(first.code, `${first.stdout}\n${first.stderr}`).toBe(0);
      expect(first.stdout).toContain('Levels: 2 → national, 6 → province, 8 → city (--levels)');
      expect(first.stdout).toContain('not imported: 3 boundaries at admin_level 4 (Graubünden - Grigioni - Grischun, Sankt Gallen, Vorarlberg): no level is mapped to it (--levels)');
      expect(first.stdout).toContain('Imported: 14 created, 0 updated, roots: li');

      const again = await runCli(['import', 'osm', DEMO_PBF, '--country-code', 'li'], env, CLI_TIMEOUT);
      expect(again.code, `${again.stdout}\n${again.stderr}`).toBe(2);
      expect(again.stderr).toContain('FIREBREAK_LEVELS: the database holds jurisdictions at city (11), province (2), which are not among the configured levels national, region, municipality, station');
      expect(again.stdout).not.toContain('Imported:');
    } finally {
      folder.remove();
      await db?.drop();
    }
  });
});
