import { randomUUID } from 'node:crypto';
import type { AvlFix } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { InProcessBus, type PublishedEvent } from '../../platform/events/bus.js';
import { LivePositions } from './live-positions.js';
import { positionsWire } from './positions-wire.js';

/** A batch as `POST /avl/positions` takes its largest: 5,000 fixes. */
function batch(n: number): AvlFix[] {
  const at = '2026-12-07T19:00:00.000Z';
  return Array.from({ length: n }, (_, i) => ({ unitId: randomUUID(), location: [9.5 + i * 1e-5, 47.1] as [number, number], at, heading: 90 }));
}

function shareOn(fixes: readonly AvlFix[], pathOf: ReadonlyMap<string, string>): PublishedEvent[] {
  const bus = new InProcessBus();
  const seen: PublishedEvent[] = [];
  bus.subscribe((e) => seen.push(e));
  const live = new LivePositions(60_000);
  // attach() would read the stored tracks; a store that only shares needs the bus alone.
  (live as unknown as { bus: InProcessBus }).bus = bus;
  const units = fixes.map((f) => Object.assign(live.unit(f.unitId), { path: pathOf.get(f.unitId) }));
  live.share(fixes, new Float64Array(fixes.length), units, new Date('2026-12-07T19:00:01Z'));
  return seen;
}

describe('LivePositions.share: the events a batch of fixes becomes', () => {
  it('a full batch of one jurisdiction is one event, so a browser re-tiles its units once for it', () => {
    const fixes = batch(5000);
    const events = shareOn(fixes, new Map(fixes.map((f) => [f.unitId, 'li'])));
    expect(events.map((e) => (e.data as { fixes: AvlFix[] }).fixes.length)).toEqual([5000]);
    // And that one event still fits one NATS message (the server's default limit is 1 MB).
    expect(positionsWire.encode(events).byteLength).toBeLessThan(1024 * 1024);
  });

  it('one event per jurisdiction, each with only its units', () => {
    const fixes = batch(3000);
    const pathOf = new Map(fixes.map((f, i) => [f.unitId, i % 3 === 0 ? 'li.vaduz' : 'li.schaan']));
    const events = shareOn(fixes, pathOf);
    expect(events.map((e) => [e.jurisdictionPath, (e.data as { fixes: AvlFix[] }).fixes.length])).toEqual([['li.vaduz', 1000], ['li.schaan', 2000]]);
    for (const e of events) for (const f of (e.data as { fixes: AvlFix[] }).fixes) expect(pathOf.get(f.unitId)).toBe(e.jurisdictionPath);
  });
});
