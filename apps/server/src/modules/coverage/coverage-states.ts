import type { UnitKind } from '@firebreak/contracts';
import type { ProfileGraphs } from '../dispatch/index.js';
import type { LivePositions } from '../units/index.js';
import { MaintainedCoverage } from './maintained-coverage.js';
import { PlaceCache } from './place-cache.js';

/**
 * Unit sets kept per node (each a state per travel graph, ~21 MB per 1 M routing nodes and
 * graph): the questions asked most (a role's scope × the unit kinds) stay warm; a fifth set
 * pushes out the one asked least recently.
 */
export const MAX_UNIT_SETS = 4;

interface Registry { graphs: ProfileGraphs; places: PlaceCache; sets: Map<string, MaintainedCoverage> }

const registries = new WeakMap<LivePositions, Registry>();

/**
 * The maintained coverage of the units a caller counts (scope roots × unit kinds) on this node's
 * graphs. Every AVL fix that becomes a unit's newest (on every node: positions come over the bus)
 * moves the unit in each set holding it, so a question finds the work done; the question itself
 * then `sync`s the set to the available units it read (status changes: committed, released, off
 * duty), which searches only what changed since.
 */
export function coverageStateFor(live: LivePositions, graphs: ProfileGraphs, roots: readonly string[], kinds: readonly UnitKind[] | null): MaintainedCoverage {
  let reg = registries.get(live);
  if (!reg || reg.graphs !== graphs) {
    const fresh: Registry = { graphs, places: new PlaceCache(graphs.car), sets: new Map() };
    if (!reg) {
      live.onNewest((unitId, fix) => {
        const r = registries.get(live)!;
        for (const set of r.sets.values()) set.move(unitId, fix.lon, fix.lat);
      });
    }
    reg = fresh;
    registries.set(live, reg);
  }
  const key = JSON.stringify([[...roots].sort(), kinds === null ? null : [...kinds].sort()]);
  let set = reg.sets.get(key);
  if (set) reg.sets.delete(key);
  else set = new MaintainedCoverage(graphs, reg.places);
  reg.sets.set(key, set);
  while (reg.sets.size > MAX_UNIT_SETS) reg.sets.delete(reg.sets.keys().next().value!);
  return set;
}
