import { EXERCISE_TEXTS } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import type { Timer } from './exercise-timeline.js';
import { playGasExplosion } from './index.js';

const MIN = 60_000;

describe('the scripted gas explosion plays over minutes on an injected clock', () => {
  let t: TestApp;
  // The platform's clock and the script's timer are one: sleeping moves the time every command stamps.
  let now = Date.parse('2026-05-04T09:00:00.000Z');
  const timer: Timer = { now: () => now, sleep: async (ms) => { now += ms; } };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date(now) });
  }, 180_000);
  afterAll(async () => t?.close());

  const minutesAfter = (start: number, d: Date | string) => (new Date(d).getTime() - start) / MIN;

  it('at real speed, calls arrive at 0, 1, 3, 6 and 8 min, the declaration at 2, the first report up at 5 and the SITREP at 10, all marked exercise', async () => {
    const start = now;
    const lines: string[] = [];
    const { majorIncident: m, callIds } = await playGasExplosion(t.app.platform, { speed: 1, timer, onLine: (l) => lines.push(l) });

    const calls = await rows<{ id: string; received_at: Date; origin: string; narrative: string; type: string }>(t.app.platform.db,
      sql`select id, received_at, origin, narrative, type from incidents where id in (${sql.join(callIds.map((id) => sql`${id}`), sql`, `)}) order by received_at`);
    expect(calls.map((c) => c.id)).toEqual(callIds);
    expect(calls.map((c) => minutesAfter(start, c.received_at))).toEqual([0, 1, 3, 6, 8]);
    expect(calls.every((c) => c.origin === 'simulated' && c.narrative.startsWith('EXERCISE'))).toBe(true);
    // The fourth call is the secondary collapse, at the scene.
    expect(calls[3]).toMatchObject({ type: 'rescue', narrative: EXERCISE_TEXTS.call4 });

    expect(m).toMatchObject({ exercise: true, incidentId: callIds[0], title: EXERCISE_TEXTS.title, casualties: { total: 48, immediate: 7, deceased: 2 } });
    expect(minutesAfter(start, m.declaredAt)).toBe(2);
    expect(minutesAfter(start, m.reportUp[0]!.metAt!)).toBe(5);
    const [sitrep] = await rows<{ submitted_at: Date; late: boolean; situation: string }>(t.app.platform.db,
      sql`select submitted_at, late, body->>'situation' as situation from major_incident_sitreps where major_incident_id = ${m.id}`);
    expect(minutesAfter(start, sitrep!.submitted_at)).toBe(10);
    expect(sitrep).toMatchObject({ late: false, situation: EXERCISE_TEXTS.sitrepSituation });
    // The counts rose as the sectors reported: first at 4 min, then as they stood at 7.
    const tallies = await rows<{ at: Date; total: number }>(t.app.platform.db, sql`select a.at, (a.after->'tally'->>'total')::int as total from audit_log a
      where a.entity_id = ${m.id} and a.action = 'major_incidents.casualties_updated' order by a.at, 2`);
    expect(tallies.map((r) => [minutesAfter(start, r.at), r.total])).toEqual([[4, 17], [4, 21], [7, 42], [7, 48]]);
    expect(lines[0]).toBe(`Call 1: ${EXERCISE_TEXTS.call1}`);
    expect(lines.at(-1)).toContain('SITREP');
    await t.app.roadClosures.settled();
  });

  it('at ten times the speed the script takes a minute, and an abort stops it before its next step with what was played kept', async () => {
    const start = now;
    const stop = new AbortController();
    const partial: string[] = [];
    const slow: Timer = { now: timer.now, sleep: async (ms) => { now += ms; if (now - start >= 0.3 * MIN) stop.abort(); } };
    // 0.3 min at ten times the speed is the declaration's minute 2 and before the third call's minute 3.
    await expect(playGasExplosion(t.app.platform, { speed: 10, timer: slow, signal: stop.signal, onLine: (l) => partial.push(l), at: [9.52, 47.139] }))
      .resolves.toMatchObject({ callIds: expect.any(Array) });
    expect(partial.filter((l) => l.startsWith('Call '))).toHaveLength(2);
    expect(partial.some((l) => l.startsWith('Declared'))).toBe(true);
    expect(partial.some((l) => l.startsWith('SITREP'))).toBe(false);
    expect(minutesAfter(start, new Date(now))).toBeCloseTo(0.3, 5);
  });
});
