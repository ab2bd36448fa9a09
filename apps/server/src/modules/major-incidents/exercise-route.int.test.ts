import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISE_TEXTS, type MajorIncident, type MajorIncidentSummary } from '@firebreak/contracts';
import { Cast, startTestApp, type TestApp } from '../../../test/harness.js';

describe('the scripted exercise started on a running server: played over its timeline by the node, through its own commands', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);

  beforeAll(async () => {
    t = await startTestApp();
    await cast.add('commander', 'commander', 'li');
    await cast.add('duty', 'duty_officer', 'li.oberland.vaduz');
    await cast.add('dispatcher', 'dispatcher', 'li.oberland.vaduz');
  }, 180_000);
  afterAll(async () => t?.close());

  it('refuses bad input and those who may not run an exercise there, plays one at a time, and the board fills in as the script plays', { timeout: 240_000 }, async () => {
    const start = (who: string, body: object) => cast.call(who, 'POST', '/major-incidents/exercises/gas-explosion', body);
    expect((await start('dispatcher', {})).statusCode).toBe(403);
    const slow = await start('duty', { speed: 0 });
    expect(slow.statusCode).toBe(400);
    expect(slow.json().errors[0].path).toBe('body.speed');
    expect((await start('duty', { speed: 1, extra: true })).statusCode).toBe(400);
    const nowhere = await start('duty', { at: [8.54, 47.37] });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toMatchObject({ code: 'NO_JURISDICTION_AT_POINT', errors: [{ path: 'body.at' }] });
    // A duty officer of Vaduz may not start one in Schaan.
    expect((await start('duty', { at: [9.5095, 47.165] })).statusCode).toBe(403);
    const list = async () => ((await cast.call('commander', 'GET', '/major-incidents')).json() as MajorIncidentSummary[]).filter((m) => m.title === EXERCISE_TEXTS.title);
    expect(await list()).toEqual([]);

    // Ten scripted minutes at 600 times real time.
    const started = await start('duty', { speed: 600 });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ scenario: 'gas-explosion', speed: 600, minutes: 10 / 600 });
    const twice = await start('commander', { speed: 600 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('MAJOR_INCIDENT_EXERCISE_RUNNING');

    // The node plays it to its end: declared, staffed, cordoned (with the outer cordon's traffic control points), alert published, SITREP in.
    await expect.poll(async () => (await list())[0]?.sitrep.count ?? 0, { timeout: 120_000, interval: 500 }).toBe(1);
    const [summary] = await list();
    expect(summary).toMatchObject({ exercise: true, state: 'active' });
    const m = (await cast.call('commander', 'GET', `/major-incidents/${summary!.id}`)).json() as MajorIncident;
    expect(m.cordons.map((c) => c.kind).sort()).toEqual(['inner', 'outer']);
    expect(m.points.filter((p) => p.cordon === 'outer').length).toBeGreaterThan(0);
    const alerts = (await cast.call('commander', 'GET', `/major-incidents/${m.id}/alerts`)).json() as { status: string }[];
    expect(alerts.map((a) => a.status)).toEqual(['Exercise']);
    // Done: another may start.
    await expect.poll(async () => (await start('commander', { speed: 10_000, at: [9.52, 47.14] })).statusCode, { timeout: 30_000, interval: 500 }).toBe(202);
  });
});
