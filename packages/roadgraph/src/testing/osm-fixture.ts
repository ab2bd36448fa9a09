import { restrictionOf, roadWayOf, type OsmRelation, type OsmRoads, type OsmWay, type RoadWay } from '../osm-read.js';

/**
 * Hand-made OSM data as the PBF parser hands it to the importer (nodes, ways with tags,
 * relations with members), read by the importer's own way and relation rules: what a tiny
 * extract would give, without a PBF writer in the test.
 */
export function handMadeOsm(nodes: Readonly<Record<number, readonly [number, number]>>, ways: readonly OsmWay[], relations: readonly OsmRelation[]): OsmRoads {
  const ids = Object.keys(nodes).map(Number).sort((a, b) => a - b);
  return {
    nodeIds: Float64Array.from(ids),
    nodeLon: Float64Array.from(ids, (id) => nodes[id]![0]),
    nodeLat: Float64Array.from(ids, (id) => nodes[id]![1]),
    ways: ways.map((w) => roadWayOf(w)).filter((w): w is RoadWay => w !== undefined),
    barriers: new Map(),
    signals: new Set(),
    signalSeconds: { car: 0, emergency: 0 },
    restrictions: relations.flatMap((r) => restrictionOf(r) ?? []),
  };
}

/** A `type=restriction` relation from way ids (`via`: node id, or way ids). */
export function restriction(id: number, tags: Record<string, string>, from: number, via: number | readonly number[], to: number): OsmRelation {
  const viaMembers = typeof via === 'number' ? [{ type: 'node' as const, ref: via, role: 'via' }] : via.map((ref) => ({ type: 'way' as const, ref, role: 'via' }));
  return { type: 'relation', id, tags: { type: 'restriction', ...tags }, members: [{ type: 'way', ref: from, role: 'from' }, ...viaMembers, { type: 'way', ref: to, role: 'to' }] };
}
