import type { DestinationCosts, MaintainedOrigins, RoadGraph, Snapped } from '@firebreak/roadgraph';
import { snapOrNull } from './snap.js';

/** `localeCompare` without arguments, as `worstFirst` orders by (the same collation, one object). */
const byName = new Intl.Collator();

/** Past this many places remembered (places come and go over months), the cache starts again. */
export const MAX_CACHED_PLACES = 1_000_000;

export interface CachedPlace {
  id: string; name: string; lon: number; lat: number;
  /** Snapped on the car graph (every kind drives it), null off the road network. */
  at: Snapped | null;
  /** Position in the order of every cached place by name then id (`worstFirst`'s tie order). */
  rank: number;
  /** Routing-node costs per travel graph, valid for the graph's live version they were read at. */
  costs: { graph: RoadGraph; costs: DestinationCosts }[];
}

/**
 * Key places snapped once per graph rather than on every coverage question (a grid look-up per
 * place: 4-5 s for 210,000 at national size), with their destination seeds per travel graph
 * and their rank by name. An entry is kept while its position and name stay the same: a place
 * moved or renamed is snapped or ranked again when next asked, a live change of the graph
 * (closure, slow-down) re-reads its seeds.
 */
export class PlaceCache {
  private readonly byId = new Map<string, CachedPlace>();
  private ranked = true;

  constructor(readonly graph: RoadGraph) {}

  get size(): number {
    return this.byId.size;
  }

  /** The entries of these places, in their order, snapped and ranked. */
  entries(places: readonly { id: string; name: string; lon: number; lat: number }[]): CachedPlace[] {
    if (this.byId.size + places.length > MAX_CACHED_PLACES) this.byId.clear();
    const out = places.map((p) => {
      let e = this.byId.get(p.id);
      if (e && (e.lon !== p.lon || e.lat !== p.lat)) e = undefined;
      if (!e) {
        e = { id: p.id, name: p.name, lon: p.lon, lat: p.lat, at: snapOrNull(this.graph, p.lon, p.lat), rank: -1, costs: [] };
        this.byId.set(p.id, e);
        this.ranked = false;
      } else if (e.name !== p.name) {
        e.name = p.name;
        this.ranked = false;
      }
      return e;
    });
    if (!this.ranked) this.rank();
    return out;
  }

  /** The number of ranks given (one past the highest). */
  get rankCount(): number {
    return this.byId.size;
  }

  private rank(): void {
    const all = [...this.byId.values()].sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.id, b.id));
    all.forEach((e, i) => { e.rank = i; });
    this.ranked = true;
  }
}

/** The place's costs for a travel graph's state, read again after a live change of the graph. */
export function costsFor(place: CachedPlace, state: MaintainedOrigins, at: Snapped): DestinationCosts {
  let held: CachedPlace['costs'][number] | undefined;
  for (const c of place.costs) if (c.graph === state.graph) held = c;
  if (held && held.costs.version === state.graph.liveVersion) return held.costs;
  const fresh = state.destinationCosts(at);
  if (held) held.costs = fresh;
  else place.costs.push({ graph: state.graph, costs: fresh });
  return fresh;
}
