import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, startTestApp, type TestApp, Cast } from '../../../test/harness.js';
import { StreamClient } from '../../../test/stream-client.js';
import { escalateDirectives } from './index.js';

const HOUR = 3_600_000;

describe('directives: issue, delivery, acknowledgement, report-back, escalation, roll-up', () => {
  let t: TestApp;
  let now = new Date('2026-05-04T06:00:00.000Z');
  const cast = new Cast(() => t.app);
  const users = cast.users;
  const ids: Record<string, string> = {};
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    cast.forgetSessions();
  };
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => cast.call(who, method, url, payload);
  const body = (issuer: string, targets: string[], extra: object = {}) => ({
    issuerJurisdictionId: ids[issuer], title: 'Flood readiness', content: 'Check pumps and sandbag stocks before the weekend.',
    requiredActions: ['Inspect pumps', 'Count sandbags'], targetJurisdictionIds: targets.map((p) => ids[p]),
    acknowledgeBy: new Date(now.getTime() + 2 * HOUR).toISOString(), reportBy: new Date(now.getTime() + 24 * HOUR).toISOString(), ...extra,
  });
  async function issue(who: string, issuer: string, targets: string[]) {
    const res = await call(who, 'POST', '/directives', body(issuer, targets));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const answer = (who: string, id: string, path: string, step: 'acknowledgement' | 'report', payload: object = {}) =>
    call(who, 'POST', `/directives/${id}/targets/${ids[path]}/${step}`, payload);
  const escalations = (directiveId: string) => rows<{ path: string; missed: string; target: string }>(t.app.platform.db,
    sql`select jurisdiction_path::text as path, data->>'missed' as missed, data->>'jurisdictionPath' as target from outbox where type = 'directives.escalated' and data->>'directiveId' = ${directiveId} order by seq`);

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    for (const p of ['li', 'li.oberland', 'li.unterland', 'li.oberland.vaduz', 'li.oberland.schaan', 'li.unterland.eschen']) ids[p] = (await jurisdictionByPath(t.app, p)).id;
    for (const [name, role, path] of [
      ['oberlandCommander', 'commander', 'li.oberland'], ['vaduzDuty', 'duty_officer', 'li.oberland.vaduz'],
      ['schaanDuty', 'duty_officer', 'li.oberland.schaan'], ['eschenDuty', 'duty_officer', 'li.unterland.eschen'], ['dispatcher', 'dispatcher', 'li'],
    ] as const) {
      await cast.add(name, role, path);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it("refuses a target outside the issuer's subtree, or the issuer itself, and writes nothing", async () => {
    for (const wrong of [['li.oberland.vaduz', 'li.unterland.eschen'], ['li.oberland'], ['li']]) {
      const res = await call('oberlandCommander', 'POST', '/directives', body('li.oberland', wrong));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'DIRECTIVE_TARGET_OUTSIDE_SUBTREE', errors: [{ path: `body.targetJurisdictionIds.${wrong.length - 1}` }] });
    }
    // A duty officer issues (ADR 0008), but only as its own jurisdiction or below: Vaduz's cannot speak for Oberland above it.
    const up = await call('vaduzDuty', 'POST', '/directives', body('li.oberland', ['li.oberland.vaduz']));
    expect(up.statusCode).toBe(400);
    expect(up.json().errors[0].path).toBe('body.issuerJurisdictionId');
    expect((await call('dispatcher', 'POST', '/directives', body('li.oberland', ['li.oberland.vaduz']))).statusCode).toBe(403);
    const above = await call('oberlandCommander', 'POST', '/directives', body('li', ['li.oberland']));
    expect(above.json().errors[0].path).toBe('body.issuerJurisdictionId');
    const late = await call('oberlandCommander', 'POST', '/directives', body('li.oberland', ['li.oberland.vaduz'], { acknowledgeBy: new Date(now.getTime() - 1).toISOString() }));
    expect(late.json().errors[0].path).toBe('body.acknowledgeBy');
    const [count] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from directives`);
    expect(count!.n).toBe(0);
  });

  it("delivers to each target over the stream, seen by the target's subtree and those above, not by others", async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const [vaduz, eschen, oberland] = await Promise.all([
      StreamClient.connect(baseUrl, { cookie: await cast.cookieOf('vaduzDuty') }), StreamClient.connect(baseUrl, { cookie: await cast.cookieOf('eschenDuty') }),
      StreamClient.connect(baseUrl, { cookie: await cast.cookieOf('oberlandCommander') }),
    ]);
    try {
      await Promise.all([vaduz.waitForKind('caught_up'), eschen.waitForKind('caught_up'), oberland.waitForKind('caught_up')]);
      const post = (await call('oberlandCommander', 'POST', '/posts', { jurisdictionId: ids['li.oberland.vaduz'], kind: 'duty_post', title: 'Vaduz duty desk' })).json();
      expect((await call('oberlandCommander', 'POST', `/posts/${post.id}/handovers`, { userId: users.vaduzDuty!.id })).statusCode).toBe(200);
      const d = await issue('oberlandCommander', 'li.oberland', ['li.oberland.vaduz', 'li.oberland.schaan']);
      const delivered = await vaduz.waitForEventWhere((e) => e.type === 'directives.delivered' && (e.data as { directiveId: string }).directiveId === d.id);
      // One event for the directive, at the issuer's path; Vaduz's socket gets it with Vaduz's target only.
      expect(delivered).toMatchObject({ jurisdictionPath: 'li.oberland', data: {
        title: 'Flood readiness', requiredActions: ['Inspect pumps', 'Count sandbags'], issuerPath: 'li.oberland',
      } });
      // Each target by id and path, nothing more: its duty posts are the posts' own records.
      expect((delivered.data as { targets: unknown[] }).targets).toEqual([{ jurisdictionId: ids['li.oberland.vaduz'], jurisdictionPath: 'li.oberland.vaduz' }]);
      // Who held the target's duty post when the directive arrived, by reference (the event's occurredAt).
      const holder = await call('vaduzDuty', 'GET', `/posts/${post.id}/holder?at=${encodeURIComponent(delivered.occurredAt)}`);
      expect(holder.json()).toMatchObject({ holder: { userId: users.vaduzDuty!.id } });
      // Above the targets, the whole of it.
      const above = await oberland.waitForEventWhere((e) => e.type === 'directives.delivered' && (e.data as { directiveId: string }).directiveId === d.id);
      expect((above.data as { targets: { jurisdictionPath: string }[] }).targets.map((x) => x.jurisdictionPath)).toEqual(['li.oberland.schaan', 'li.oberland.vaduz']);
      // A later directive to Eschen is the marker: once Eschen has it, it would have had the earlier one too.
      const toEschen = await issue('admin', 'li', ['li.unterland.eschen']);
      await eschen.waitForEventWhere((e) => e.type === 'directives.delivered' && (e.data as { directiveId: string }).directiveId === toEschen.id);
      expect(eschen.events().filter((e) => JSON.stringify(e.data).includes(d.id))).toEqual([]);
      expect(vaduz.events().filter((e) => e.type === 'directives.delivered').map((e) => (e.data as { directiveId: string }).directiveId)).toEqual([d.id]);
      // Catching up later (GET /events/recent) gives the same view as the stream: my targets, or nothing.
      await t.app.platform.relay.drain();
      const recent = async (who: string) => {
        const res = await call(who, 'GET', `/events/recent?types=directives.delivered&since=${encodeURIComponent(new Date(now.getTime() - HOUR).toISOString())}`);
        expect(res.statusCode, res.body).toBe(200);
        return (res.json() as { data: { directiveId: string; targets: { jurisdictionPath: string }[] } }[]).map((e) => [e.data.directiveId, e.data.targets.map((x) => x.jurisdictionPath)]);
      };
      expect(await recent('vaduzDuty')).toEqual([[d.id, ['li.oberland.vaduz']]]);
      expect(await recent('eschenDuty')).toEqual([[toEschen.id, ['li.unterland.eschen']]]);
    } finally {
      await Promise.all([vaduz.close(), eschen.close(), oberland.close()]);
    }
  });

  it('tracks acknowledgement and report-back per target, each step once and by the target only', async () => {
    const d = await issue('oberlandCommander', 'li.oberland', ['li.oberland.vaduz', 'li.oberland.schaan']);
    expect((await answer('schaanDuty', d.id, 'li.oberland.vaduz', 'acknowledgement')).statusCode).toBe(404);
    expect((await answer('dispatcher', d.id, 'li.oberland.vaduz', 'acknowledgement')).statusCode).toBe(403);
    const early = await answer('schaanDuty', d.id, 'li.oberland.schaan', 'report', { report: 'done' });
    expect(early.json().code).toBe('DIRECTIVE_TARGET_TRANSITION_NOT_ALLOWED');
    const ack = await answer('vaduzDuty', d.id, 'li.oberland.vaduz', 'acknowledgement', { note: 'Received, pumps first' });
    expect(ack.json()).toMatchObject({ state: 'acknowledged', acknowledgedBy: users.vaduzDuty!.id, acknowledgementNote: 'Received, pumps first' });
    expect((await answer('vaduzDuty', d.id, 'li.oberland.vaduz', 'acknowledgement')).statusCode).toBe(409);
    const rep = await answer('vaduzDuty', d.id, 'li.oberland.vaduz', 'report', { report: '4 pumps checked, 300 sandbags' });
    expect(rep.json()).toMatchObject({ state: 'reported', report: '4 pumps checked, 300 sandbags' });
    const seen = (await call('vaduzDuty', 'GET', `/directives/${d.id}`)).json();
    // Its own target only: Schaan's answers are Schaan's (the issuer's level sees both; directives.access.ts targetsSeenBy).
    expect(seen.targets.map((x: { jurisdictionPath: string; state: string }) => [x.jurisdictionPath, x.state])).toEqual([['li.oberland.vaduz', 'reported']]);
    expect((await call('oberlandCommander', 'GET', `/directives/${d.id}`)).json().targets.map((x: { jurisdictionPath: string; state: string }) => [x.jurisdictionPath, x.state]))
      .toEqual([['li.oberland.schaan', 'delivered'], ['li.oberland.vaduz', 'reported']]);
    expect((await call('eschenDuty', 'GET', `/directives/${d.id}`)).statusCode).toBe(404);
    const listed = async (who: string) => (await call(who, 'GET', '/directives')).json().map((x: { id: string }) => x.id);
    expect(await listed('vaduzDuty')).toContain(d.id);
    expect(await listed('eschenDuty')).not.toContain(d.id);
    const audit = await rows<{ action: string; path: string }>(t.app.platform.db, sql`select action, jurisdiction_path::text as path from audit_log where entity_id = ${d.id} order by seq`);
    expect(audit).toEqual([
      { action: 'directives.issued', path: 'li.oberland' }, { action: 'directives.acknowledged', path: 'li.oberland.vaduz' }, { action: 'directives.reported', path: 'li.oberland.vaduz' },
    ]);
  });

  it('escalates a late target to its parent once per missed deadline, on the injected clock', async () => {
    const d = await issue('admin', 'li', ['li.oberland.vaduz', 'li.oberland.schaan', 'li.unterland']);
    await answer('vaduzDuty', d.id, 'li.oberland.vaduz', 'acknowledgement');
    advance(HOUR);
    await escalateDirectives(t.app.platform.command);
    expect(await escalations(d.id)).toEqual([]);
    advance(HOUR + 1);
    await escalateDirectives(t.app.platform.command);
    await escalateDirectives(t.app.platform.command);
    expect((await escalations(d.id)).map((e) => [e.missed, e.target, e.path]).sort()).toEqual([
      ['acknowledgement', 'li.oberland.schaan', 'li.oberland'], ['acknowledgement', 'li.unterland', 'li'],
    ]);
    const target = (await call('admin', 'GET', `/directives/${d.id}`)).json().targets.find((x: { jurisdictionPath: string }) => x.jurisdictionPath === 'li.oberland.schaan');
    expect(target).toMatchObject({ acknowledgementOverdue: true, acknowledgementEscalatedAt: now.toISOString(), reportEscalatedAt: null });
    await answer('schaanDuty', d.id, 'li.oberland.schaan', 'acknowledgement');
    await answer('schaanDuty', d.id, 'li.oberland.schaan', 'report', { report: 'late but done' });
    advance(22 * HOUR);
    await escalateDirectives(t.app.platform.command);
    await escalateDirectives(t.app.platform.command);
    const reports = (await escalations(d.id)).filter((e) => e.missed === 'report');
    expect(reports.map((e) => [e.target, e.path]).sort()).toEqual([['li.oberland.vaduz', 'li.oberland'], ['li.unterland', 'li']]);
  });

  it('rolls up each level: its own status and its children’s subtrees at a glance', async () => {
    const d = await issue('admin', 'li', ['li.oberland', 'li.oberland.vaduz', 'li.oberland.schaan', 'li.unterland.eschen']);
    await answer('vaduzDuty', d.id, 'li.oberland.vaduz', 'acknowledgement');
    await answer('vaduzDuty', d.id, 'li.oberland.vaduz', 'report', { report: 'ok' });
    await answer('oberlandCommander', d.id, 'li.oberland', 'acknowledgement');
    const top = (await call('admin', 'GET', `/directives/${d.id}/rollup`)).json();
    const counts = (r: { children: { jurisdictionPath: string; targets: number; acknowledged: number; reported: number; acknowledgementOverdue: number }[] }) =>
      r.children.map((c) => [c.jurisdictionPath, c.targets, c.acknowledged, c.reported, c.acknowledgementOverdue]);
    expect(top).toMatchObject({ jurisdictionPath: 'li', self: null });
    expect(counts(top)).toEqual([['li.oberland', 3, 2, 1, 0], ['li.unterland', 1, 0, 0, 0]]);
    const oberland = (await call('oberlandCommander', 'GET', `/directives/${d.id}/rollup?jurisdictionId=${ids['li.oberland']}`)).json();
    expect(oberland.self).toMatchObject({ jurisdictionPath: 'li.oberland', state: 'acknowledged' });
    const children = counts(oberland).filter((c) => c[0] === 'li.oberland.vaduz' || c[0] === 'li.oberland.schaan');
    expect(children).toEqual([['li.oberland.schaan', 1, 0, 0, 0], ['li.oberland.vaduz', 1, 1, 1, 0]]);
    expect(oberland.children).toHaveLength(2);
    advance(3 * HOUR);
    const later = (await call('admin', 'GET', `/directives/${d.id}/rollup`)).json();
    expect(counts(later)).toEqual([['li.oberland', 3, 2, 1, 1], ['li.unterland', 1, 0, 0, 1]]);
    expect((await call('oberlandCommander', 'GET', `/directives/${d.id}/rollup?jurisdictionId=${ids['li.unterland']}`)).statusCode).toBe(404);
  });
  it('keeps every target tied to an existing directive and jurisdiction without per-row foreign keys (migration 0046)', async () => {
    const d = await issue('admin', 'li', ['li.oberland.vaduz']);
    const refused = async (statement: ReturnType<typeof sql>) => {
      const error = await t.app.platform.db.execute(statement).then(() => null, (err: unknown) => err as { code?: string; cause?: { code?: string } });
      expect(error, 'the statement was accepted').not.toBeNull();
      expect(error!.code ?? error!.cause?.code).toBe('23503');
    };
    const insert = (directiveId: string, jurisdictionId: string, path: string) => sql`insert into directive_targets (id, directive_id, jurisdiction_id, jurisdiction_path, state, delivered_at)
      values (gen_random_uuid(), ${directiveId}, ${jurisdictionId}, ${path}::ltree, 'delivered', now())`;
    // Checked once per statement: a directive or jurisdiction that does not exist, or a path not the jurisdiction's.
    await refused(insert('01900000-0000-7000-8000-000000000000', ids['li.oberland.schaan']!, 'li.oberland.schaan'));
    await refused(insert(d.id, '01900000-0000-7000-8000-000000000000', 'li.oberland.schaan'));
    await refused(insert(d.id, ids['li.oberland.schaan']!, 'li.unterland.eschen'));
    // A target stays where it was sent; its directive and jurisdiction are kept while it exists.
    await refused(sql`update directive_targets set jurisdiction_id = ${ids['li.oberland.schaan']} where directive_id = ${d.id}`);
    await refused(sql`delete from jurisdictions where id = ${ids['li.oberland.vaduz']}`);
    await refused(sql`delete from directives where id = ${d.id}`);
    // What a target's answers change is allowed, and a consistent row is accepted.
    await t.app.platform.db.execute(sql`update directive_targets set version = version + 1 where directive_id = ${d.id}`);
    await t.app.platform.db.execute(insert(d.id, ids['li.oberland.schaan']!, 'li.oberland.schaan'));
    const [n] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from directive_targets where directive_id = ${d.id}`);
    expect(n!.n).toBe(2);
  });

  it('answers the issue with the target count, and pages the targets in path order: all from the issuer\'s level, its own below it', async () => {
    const res = await call('admin', 'POST', '/directives', body('li', ['li.oberland.vaduz', 'li.oberland', 'li.oberland.schaan']));
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ issuerPath: 'li', title: 'Flood readiness', targetCount: 3 });
    expect(d).not.toHaveProperty('targets');
    const page = (who: string, query: string) => call(who, 'GET', `/directives/${d.id}/targets${query}`);
    const first = (await page('admin', '?limit=2')).json();
    expect(first.items.map((x: { jurisdictionPath: string; state: string }) => [x.jurisdictionPath, x.state])).toEqual([['li.oberland', 'delivered'], ['li.oberland.schaan', 'delivered']]);
    expect(first.nextCursor).toBe('li.oberland.schaan');
    const second = (await page('admin', `?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ jurisdictionPath: 'li.oberland.vaduz', jurisdictionId: ids['li.oberland.vaduz'] })], nextCursor: null });
    // A target below the issuer pages its own target only.
    expect((await page('vaduzDuty', '?limit=2')).json()).toEqual({ items: [expect.objectContaining({ jurisdictionPath: 'li.oberland.vaduz' })], nextCursor: null });
    expect((await page('eschenDuty', '')).statusCode).toBe(404);
    const bad = await page('admin', '?cursor=Not%20a%20path');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.cursor');
    const audit = await rows<{ after: { targets: { jurisdictionPath: string }[] } }>(t.app.platform.db, sql`select after from audit_log where entity_id = ${d.id} and action = 'directives.issued'`);
    expect(audit.map((a) => a.after.targets.map((x) => x.jurisdictionPath))).toEqual([['li.oberland', 'li.oberland.schaan', 'li.oberland.vaduz']]);
    // The targets' ids are made in SQL (v7, as the node makes them); the delivery, built by the database, follows the issue in the outbox.
    const targetIds = await rows<{ id: string }>(t.app.platform.db, sql`select id::text from directive_targets where directive_id = ${d.id}`);
    expect(targetIds.map((x) => x.id)).toEqual(targetIds.map(() => expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)));
    const outbox = await rows<{ type: string; count: number | null; paths: { jurisdictionPath: string }[] }>(t.app.platform.db, sql`select type, (data->>'targetCount')::int as count,
        coalesce(data->'targets', '[]'::jsonb) as paths from outbox where coalesce(data->>'directiveId', data->>'id') = ${d.id} order by seq`);
    expect(outbox.map((e) => [e.type, e.count, e.paths.map((x) => x.jurisdictionPath)])).toEqual([
      ['directives.issued', 3, []],
      ['directives.delivered', null, ['li.oberland', 'li.oberland.schaan', 'li.oberland.vaduz']],
    ]);
  });
});
