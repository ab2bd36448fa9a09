import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cast, jurisdictionByPath, startTestApp, type TestApp } from '../../../test/harness.js';
import { DEMO_DIRECTIVE_TITLE, ensureDemoDirectives } from './index.js';

/**
 * A newcomer municipal duty officer on the demo world acknowledges directives and reports back on
 * them (README: duty.vaduz); the demo had none, so the Directives screen was empty for every duty
 * officer until someone issued one. The first start now has each regional duty officer issue one.
 */
describe('the demo world holds a directive from each regional duty officer to its municipalities', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);
  const ok = (...a: Parameters<Cast['ok']>) => cast.ok(...a);

  beforeAll(async () => {
    t = await startTestApp();
    // As the demo staffs them (world.ts): a regional duty officer in Oberland only, here; a municipal one in Vaduz.
    await cast.add('oberland', 'duty_officer', 'li.oberland');
    await cast.add('vaduz', 'duty_officer', 'li.oberland.vaduz');
    await cast.add('schaan', 'duty_officer', 'li.oberland.schaan');
  }, 180_000);
  afterAll(async () => t?.close());

  it('is issued once, under the regional officer\'s name, and Vaduz acknowledges and reports back', { timeout: 120_000 }, async () => {
    expect(await ensureDemoDirectives(t.app.platform.command)).toBe(1);
    expect(await ensureDemoDirectives(t.app.platform.command)).toBe(0);

    const [listed] = await ok('vaduz', 'GET', '/directives') as { id: string; title: string; issuerPath: string; issuedBy: string }[];
    expect(listed).toMatchObject({ title: DEMO_DIRECTIVE_TITLE, issuerPath: 'li.oberland', issuedBy: cast.users.oberland!.id });
    const targets = await ok('oberland', 'GET', `/directives/${listed!.id}/targets`);
    const paths = (Array.isArray(targets) ? targets : targets.items).map((x: { jurisdictionPath: string }) => x.jurisdictionPath);
    expect(paths).toHaveLength(6);
    expect(paths).toContain('li.oberland.vaduz');

    const vaduz = (await jurisdictionByPath(t.app, 'li.oberland.vaduz')).id;
    expect(await ok('vaduz', 'POST', `/directives/${listed!.id}/targets/${vaduz}/acknowledgement`, {})).toMatchObject({ state: 'acknowledged' });
    expect(await ok('vaduz', 'POST', `/directives/${listed!.id}/targets/${vaduz}/report`, { report: 'All 14 hydrants checked; one at the Ebenholz school does not drain.' })).toMatchObject({ state: 'reported' });
  });

  it('shows a municipality its own target, not its neighbours\' acknowledgements and reports; the region sees them all', { timeout: 60_000 }, async () => {
    const [d] = await ok('schaan', 'GET', '/directives') as { id: string }[];
    const schaan = (await jurisdictionByPath(t.app, 'li.oberland.schaan')).id;
    await ok('schaan', 'POST', `/directives/${d!.id}/targets/${schaan}/acknowledgement`, { note: 'Schaan only: the Resch crew is short this week' });
    await ok('schaan', 'POST', `/directives/${d!.id}/targets/${schaan}/report`, { report: 'Schaan only: three hydrants broken at the Resch school' });
    type Target = { jurisdictionPath: string; report: string | null; acknowledgementNote: string | null };
    const seen = async (who: string) => {
      const detail = (await ok(who, 'GET', `/directives/${d!.id}`)).targets as Target[];
      const page = (await ok(who, 'GET', `/directives/${d!.id}/targets?limit=2`)) as { items: Target[]; nextCursor: string | null };
      const paged = [...page.items];
      for (let cursor = page.nextCursor; cursor !== null;) {
        const next = (await ok(who, 'GET', `/directives/${d!.id}/targets?limit=2&cursor=${cursor}`)) as { items: Target[]; nextCursor: string | null };
        paged.push(...next.items);
        cursor = next.nextCursor;
      }
      expect(paged.map((x) => x.jurisdictionPath)).toEqual(detail.map((x) => x.jurisdictionPath));
      return detail;
    };
    expect((await seen('vaduz')).map((x) => x.jurisdictionPath)).toEqual(['li.oberland.vaduz']);
    const own = await seen('schaan');
    expect(own.map((x) => [x.jurisdictionPath, x.report])).toEqual([['li.oberland.schaan', 'Schaan only: three hydrants broken at the Resch school']]);
    const all = await seen('oberland');
    expect(all).toHaveLength(6);
    expect(all.find((x) => x.jurisdictionPath === 'li.oberland.schaan')!.acknowledgementNote).toBe('Schaan only: the Resch crew is short this week');
  });
});
