import { describe, expect, it } from 'vitest';
import { InProcessBus, LIVE_ONLY, type PublishedEvent } from '../../platform/events/bus.js';
import type { NewEvent } from '../../platform/events/outbox.js';
import { KeyPlaceList } from './key-place-list.js';
import type { KeyPlacePoint } from './places.queries.js';

const place = (id: string, jurisdictionPath: string, category = 'school'): KeyPlacePoint => ({ id, name: id, category, jurisdictionPath, lon: 0, lat: 0, openingHours: null });

/** A bus that reconnects when told (the in-process one never does). */
class ReconnectingBus extends InProcessBus {
  private readonly back = new Set<() => void>();
  override onReconnect(handler: () => void): () => void {
    this.back.add(handler);
    return () => this.back.delete(handler);
  }
  reconnect(): void {
    for (const h of this.back) h();
  }
}

const published = (type: string, data: unknown = {}): PublishedEvent => ({ id: crypto.randomUUID(), position: 1, type, occurredAt: new Date(0).toISOString(), jurisdictionPath: null, data });

/** A place as its `places.created` / `places.updated` event carries it (the API's `Place`). */
const asEvent = (p: KeyPlacePoint & { version: number }) => ({
  id: p.id, name: p.name, category: p.category, jurisdictionId: 'j', jurisdictionPath: p.jurisdictionPath, geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
  location: [p.lon, p.lat], operator: null, contact: null, responsiblePost: null, osm: null, version: p.version, createdAt: '', updatedAt: '',
});
const versioned = (id: string, jurisdictionPath: string, version = 1, category = 'school'): KeyPlacePoint & { version: number } => ({ ...place(id, jurisdictionPath, category), version });

/** A list over a table the test changes, a bus and a local-commit hook, with the loads counted by the list. */
function setup(rows: KeyPlacePoint[]) {
  const bus = new ReconnectingBus();
  const local = new Set<(events: readonly NewEvent[]) => void>();
  let release: (() => void) | null = null;
  let held = false;
  const list = new KeyPlaceList(async () => {
    if (held) await new Promise<void>((r) => (release = r));
    return rows.map((r) => ({ ...r }));
  });
  const off = list.attach({ bus, onLocalCommit: (h) => { local.add(h); return () => local.delete(h); } });
  return {
    list, bus, off, rows,
    commit: (type: string, data: unknown = {}) => { for (const h of local) h([{ type: type as NewEvent['type'], jurisdictionPath: null, data }]); },
    hold: () => { held = true; },
    release: () => { held = false; release?.(); },
  };
}

const ids = (ps: readonly KeyPlacePoint[]) => ps.map((p) => p.id);

describe('KeyPlaceList', () => {
  it('reads the places once for every question waiting on a cold list, and again only after a change', async () => {
    const t = setup([place('a', 'x'), place('b', 'x.y')]);
    t.hold();
    const asked = [t.list.inScope({ roots: [''] }), t.list.inScope({ roots: ['x'] }), t.list.inScope({ roots: ['x.y'] })];
    t.release();
    const [all, x, xy] = (await Promise.all(asked)) as [readonly KeyPlacePoint[], readonly KeyPlacePoint[], readonly KeyPlacePoint[]];
    expect(t.list.loads).toBe(1);
    expect(ids(all)).toEqual(['a', 'b']);
    expect(ids(x)).toEqual(['a', 'b']);
    expect(ids(xy)).toEqual(['b']);
    // The same scope again: the same array of the same objects, no read.
    expect(await t.list.inScope({ roots: [''] })).toBe(all);
    expect(t.list.loads).toBe(1);
  });

  it.each([
    ['a place event from another node (the bus)', (t: ReturnType<typeof setup>) => void t.bus.publish([published('places.created')])],
    ["this node's own commit (before the relay publishes it)", (t: ReturnType<typeof setup>) => t.commit('places.updated')],
    ['an OSM import', (t: ReturnType<typeof setup>) => void t.bus.publish([published('places.imported')])],
    ['a jurisdiction change (its places move with it)', (t: ReturnType<typeof setup>) => t.commit('jurisdictions.updated')],
    ['an onboarding batch undone (its places deleted under one event)', (t: ReturnType<typeof setup>) => void t.bus.publish([published('onboarding.undone')])],
    ['the bus coming back after a loss (events may have been missed)', (t: ReturnType<typeof setup>) => t.bus.reconnect()],
  ])('reads the places again after %s', async (_, change) => {
    const t = setup([place('a', 'x')]);
    expect(ids(await t.list.inScope({ roots: [''] }))).toEqual(['a']);
    t.rows.push(place('b', 'x.z'));
    t.rows[0]!.jurisdictionPath = 'w';
    change(t);
    const after = await t.list.inScope({ roots: ['x'] });
    expect(ids(after)).toEqual(['b']);
    expect(t.list.loads).toBe(2);
  });

  it('applies a place created or edited (on the bus or by its own commit) to the list and its scopes without reading it again', async () => {
    const t = setup([versioned('b', 'x', 1), versioned('d', 'x.y', 3, 'hospital'), versioned('f', 'w', 1)]);
    t.rows[0]!.openingHours = 'Mo-Fr 08:00-12:00';
    const all0 = await t.list.inScope({ roots: [''] });
    const x0 = await t.list.inScope({ roots: ['x'] });
    const schools0 = await t.list.inScope({ roots: [''], category: ['school'] });
    // Created on another node: put in by id, in the scopes it belongs to; the arrays handed out before stay as they were.
    await t.bus.publish([published('places.created', asEvent(versioned('c', 'x.y', 1)))]);
    expect(ids(await t.list.inScope({ roots: [''] }))).toEqual(['b', 'c', 'd', 'f']);
    expect(ids(await t.list.inScope({ roots: ['x'] }))).toEqual(['b', 'c', 'd']);
    expect(ids(await t.list.inScope({ roots: [''], category: ['school'] }))).toEqual(['b', 'c', 'f']);
    expect(ids(all0)).toEqual(['b', 'd', 'f']);
    expect(ids(x0)).toEqual(['b', 'd']);
    // Edited here: moved out of x and renamed (its opening hours kept: the event has none), then the same event again off the bus.
    const moved = { ...versioned('b', 'w.v', 2), name: 'B2', lon: 9.5, lat: 47.1 };
    t.commit('places.updated', asEvent(moved));
    await t.bus.publish([published('places.updated', asEvent(moved))]);
    expect(ids(await t.list.inScope({ roots: ['x'] }))).toEqual(['c', 'd']);
    const b = (await t.list.inScope({ roots: [''] })).find((p) => p.id === 'b');
    expect(b).toEqual({ ...moved, openingHours: 'Mo-Fr 08:00-12:00' });
    // A category changed: out of the schools. An older edit arriving late changes nothing.
    await t.bus.publish([published('places.updated', asEvent(versioned('f', 'w', 2, 'hospital')))]);
    await t.bus.publish([published('places.updated', asEvent(versioned('d', 'x.y', 2, 'school')))]);
    expect(ids(await t.list.inScope({ roots: [''], category: ['school'] }))).toEqual(['b', 'c']);
    expect(schools0).not.toBe(await t.list.inScope({ roots: [''], category: ['school'] }));
    expect(t.list.applied).toBe(3);
    expect(t.list.loads).toBe(1);
  });

  it.each([
    ['an edit of a place the list does not hold', (t: ReturnType<typeof setup>) => t.commit('places.updated', asEvent(versioned('z', 'x', 2)))],
    ['a place event without the place', (t: ReturnType<typeof setup>) => void t.bus.publish([published('places.created', { id: 'z' })])],
  ])('reads the list again after %s', async (_, change) => {
    const t = setup([versioned('a', 'x')]);
    await t.list.inScope({ roots: [''] });
    t.rows.push(versioned('z', 'x', 2));
    change(t);
    expect(ids(await t.list.inScope({ roots: [''] }))).toEqual(['a', 'z']);
    expect(t.list.loads).toBe(2);
    expect(t.list.applied).toBe(0);
  });

  it('keeps no read that a place event overtook (the read may or may not hold the change)', async () => {
    const t = setup([versioned('a', 'x')]);
    t.hold();
    const asked = t.list.inScope({ roots: [''] });
    await t.bus.publish([published('places.created', asEvent(versioned('b', 'x')))]);
    t.rows.push(versioned('b', 'x'));
    t.release();
    await asked;
    expect(ids(await t.list.inScope({ roots: [''] }))).toEqual(['a', 'b']);
    expect(t.list.loads).toBe(2);
  });

  it('ignores events of other things, and stops following changes once detached', async () => {
    const t = setup([place('a', 'x')]);
    await t.list.inScope({ roots: [''] });
    await t.bus.publish([published('units.updated')]);
    t.bus.broadcast([{ ...published('units.positions_reported'), position: LIVE_ONLY }]);
    t.commit('incidents.created');
    await t.list.inScope({ roots: [''] });
    expect(t.list.loads).toBe(1);
    t.off();
    await t.bus.publish([published('places.created')]);
    t.bus.reconnect();
    await t.list.inScope({ roots: [''] });
    expect(t.list.loads).toBe(1);
  });

  it("picks a scope as ltree's <@ does: subtrees of the roots, under a jurisdiction, of the categories", async () => {
    const t = setup([
      place('1', 'n'), place('2', 'n.a'), place('3', 'n.a.b', 'kindergarten'), place('4', 'n.ab'), place('5', 'm', 'hospital'), place('6', 'n.a.c', 'hospital'),
    ]);
    expect(ids(await t.list.inScope({ roots: ['n.a'] }))).toEqual(['2', '3', '6']);
    expect(ids(await t.list.inScope({ roots: ['n.a', 'm'] }))).toEqual(['2', '3', '5', '6']);
    expect(ids(await t.list.inScope({ roots: [] }))).toEqual([]);
    expect(ids(await t.list.inScope({ roots: [''], underPath: 'n' }))).toEqual(['1', '2', '3', '4', '6']);
    expect(ids(await t.list.inScope({ roots: ['n.a'], underPath: 'n.a.b' }))).toEqual(['3']);
    expect(ids(await t.list.inScope({ roots: ['m'], underPath: 'n' }))).toEqual([]);
    expect(ids(await t.list.inScope({ roots: [''], category: ['hospital'] }))).toEqual(['5', '6']);
    expect(ids(await t.list.inScope({ roots: ['n'], category: ['hospital', 'kindergarten'] }))).toEqual(['3', '6']);
    // The same filter spelt in another order is the same remembered answer.
    expect(await t.list.inScope({ roots: ['n'], category: ['kindergarten', 'hospital'] })).toBe(await t.list.inScope({ roots: ['n'], category: ['hospital', 'kindergarten'] }));
    expect(t.list.loads).toBe(1);
  });
});
