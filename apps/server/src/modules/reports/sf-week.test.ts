import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCalls, SF_FIRE_MAPPING, type ImportedCall } from '../history/index.js';
import { breakdown, type IncidentFacts } from './model.js';

const FILE = new URL('../../../../../data/calls/sf_fire_calls_2016-12-31_week.csv', import.meta.url);

/** The calls as the import reads them (mapping `sf-fire`), as the report sees them. */
const factsOf = (c: ImportedCall): IncidentFacts => ({
  receivedAt: c.receivedAt.getTime(),
  priority: c.priority,
  type: c.type,
  jurisdictionPath: 'li',
  tiers: [],
  doubtful: c.timeDoubt !== null,
  responses: c.responses.map((r) => ({ kind: r.unitKind, dispatchedAt: r.dispatchedAt?.getTime() ?? null, enRouteAt: r.respondedAt?.getTime() ?? null, onSceneAt: r.onSceneAt?.getTime() ?? null })),
});

/**
 * The San Francisco Fire Department week (DataSF, 2016-12-31 to 2017-01-07): the report must give
 * the figures computed independently from the raw export (docs/reports.md, "The SF week").
 */
describe('the SF week reproduces the independent figures', () => {
  const read = readCalls(readFileSync(FILE, 'utf8'), SF_FIRE_MAPPING);
  const facts = read.calls.map(factsOf);

  it('reads every call, none with a doubtful time (the week lies in PST)', () => {
    expect(read.rejected).toEqual([]);
    expect(facts).toHaveLength(3560);
    expect(facts.filter((f) => f.doubtful)).toHaveLength(0);
  });

  it('received -> dispatch p50 113 s, p90 265 s; received -> on scene p50 390 s, p90 1,033 s; first unit on scene within 5 min 29.1 %', () => {
    const { overall } = breakdown(facts, { by: 'priority', level: 1, within: [300] });
    expect(overall.callProcessing).toMatchObject({ count: 3560, p50Seconds: 113, p90Seconds: 265 });
    expect(overall.total).toMatchObject({ count: 3429, p50Seconds: 390, p90Seconds: 1033, within: [{ seconds: 300, percent: 29.1 }] });
    expect(overall.arrived).toBe(3429);
  });

  it('Final Priority 3 is our P1: p50 327 s, 41.6 % within 5 min; Final Priority 2 is P2: p50 647 s', () => {
    const { groups } = breakdown(facts, { by: 'priority', level: 1, within: [300] });
    expect(groups.map((g) => [g.key, g.incidents])).toEqual([['P1', 2098], ['P2', 1462]]);
    expect(groups[0]!.total).toMatchObject({ p50Seconds: 327, within: [{ seconds: 300, percent: 41.6 }] });
    expect(groups[1]!.total.p50Seconds).toBe(647);
  });

  it('measures turnout and travel of the first unit to arrive, and groups units by our kinds', () => {
    const { overall, groups } = breakdown(facts, { by: 'unit_kind', level: 1, within: [60, 240] });
    // One unit of the export is on scene 1 s before its en-route time: left out of travel, counted.
    expect(overall.travel.inconsistent).toBe(1);
    expect(overall.turnout).toMatchObject({ count: 3429, p50Seconds: 50, p90Seconds: 119 });
    expect(overall.travel).toMatchObject({ count: 3428 });
    expect(groups.map((g) => g.key).sort()).toEqual(['ambulance', 'command', 'fire_engine', 'ladder', 'other', 'rescue']);
  });
});
