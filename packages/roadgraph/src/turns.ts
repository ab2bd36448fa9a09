import type { GraphData, ProfileCosts } from './graph-data.js';
import type { Profile } from './profile.js';

/**
 * Turn restrictions, stored in the graph as quadruples (via node, from edge, to edge, flags) in
 * `GraphData.turnRestrictions`, and the local turn expansion that makes every engine honour them.
 *
 * Why an expansion only at restricted junctions (and not an edge-based graph everywhere): a node
 * based graph is what the hierarchy, PHAST, RPHAST and pgRouting all run on, and fewer than one
 * junction in a hundred carries a restriction. At such a junction v each arc arriving gets a node
 * of its own (an "in" copy), each arc leaving gets one (an "out" copy), and a zero-cost connector
 * arc in -> out exists for every turn the profile may make. In copies have no other way out and
 * out copies no other way in, so a route cannot chain two connectors (turn into c and straight
 * back out onto the banned b); a two-way street keeps its one edge id, its two arcs simply end at
 * different copies. Everything else is unchanged: no engine knows about turns, and the graph
 * without a restriction is node for node the graph before.
 */

/** Flags of a restriction: an `only_*` (else `no_*`), and the profiles it binds. */
export const TURN_ONLY = 1;
export const TURN_CAR = 2;
export const TURN_EMERGENCY = 4;

/** Edge code of a connector arc (a turn at a restricted junction): no edge, no geometry. */
export const TURN_ARC = -2;

export function profileFlag(profile: Profile): number {
  return profile === 'emergency' ? TURN_EMERGENCY : TURN_CAR;
}

/** OSM relation tags the importer asks for. */
export const RESTRICTION_TAGS = ['type', 'restriction', 'restriction:motorcar', 'restriction:motor_vehicle', 'restriction:emergency', 'except', 'day_on', 'day_off', 'hour_on', 'hour_off'];

export interface RestrictionRule {
  only: boolean;
  /** TURN_CAR | TURN_EMERGENCY: the profiles it binds. */
  profiles: number;
}

/**
 * What a `type=restriction` relation says, or undefined when it binds no profile of ours (a
 * bicycle's, a time window we cannot know, an unknown value). `except=emergency` (or a
 * `restriction:emergency=none`) frees response vehicles; a `restriction:motorcar` binds both.
 */
export function restrictionRule(tags: Readonly<Record<string, string>>): RestrictionRule | undefined {
  if (tags.type !== 'restriction') return undefined;
  // Time windows (day_on/hour_on, an old scheme): we cannot tell whether the ban holds now.
  if (tags.day_on !== undefined || tags.hour_on !== undefined) return undefined;
  const value = tags['restriction:motorcar'] ?? tags['restriction:motor_vehicle'] ?? tags.restriction;
  if (value === undefined) return undefined;
  const only = value.startsWith('only_');
  if (!only && !value.startsWith('no_')) return undefined;
  const except = new Set((tags.except ?? '').split(';').map((s) => s.trim()));
  if (except.has('motorcar') || except.has('motor_vehicle')) return undefined;
  const emergencyFree = except.has('emergency') || tags['restriction:emergency'] === 'none';
  return { only, profiles: TURN_CAR | (emergencyFree ? 0 : TURN_EMERGENCY) };
}

/** The routing nodes of one profile: the graph's nodes plus copies at restricted junctions. */
export interface TurnExpansion {
  /** Graph nodes + copies; copies are numbered from the graph's node count. */
  nodeCount: number;
  /** Per copy (index: node - graph node count), the graph node it stands for. */
  junctionOf: Int32Array;
  /** Edge code (e << 1 | reversed) -> the in copy its arc ends at / the out copy it starts from. */
  headOf: Map<number, number>;
  tailOf: Map<number, number>;
  /** Graph node -> its in copies (where routes arrive) and out copies (where they leave). */
  arrivals: Map<number, number[]>;
  departures: Map<number, number[]>;
  /** Connector arcs, flat (from copy, to copy) pairs. */
  connectors: Int32Array;
  /** Junctions split and turns banned for this profile. */
  junctions: number;
  bannedTurns: number;
}

/** No copies: the plain node-based graph. */
export function noTurns(nodeCount: number): TurnExpansion {
  return { nodeCount, junctionOf: new Int32Array(0), headOf: new Map(), tailOf: new Map(), arrivals: new Map(), departures: new Map(), connectors: new Int32Array(0), junctions: 0, bannedTurns: 0 };
}

/** Builds the expansion for one profile's costs; an empty one when no restriction applies. */
export function expandTurns(data: GraphData, costs: ProfileCosts, profile: Profile, enabled = true): TurnExpansion {
  const n = data.nodeLon.length;
  const byVia = new Map<number, number[]>();
  const flag = profileFlag(profile);
  const r = data.turnRestrictions;
  if (enabled) {
    for (let i = 0; i < r.length; i += 4) {
      if ((r[i + 3]! & flag) === 0) continue;
      const list = byVia.get(r[i]!) ?? [];
      list.push(i);
      byVia.set(r[i]!, list);
    }
  }
  const empty = noTurns(n);
  if (byVia.size === 0) return empty;

  // Arcs at each restricted junction, found in one pass over the edges.
  const arrive = new Map<number, number[]>();
  const leave = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, v: number, code: number) => {
    const list = map.get(v);
    if (list) list.push(code);
    else map.set(v, [code]);
  };
  const { edgeSource, edgeTarget } = data;
  // A byte per node marks the vias: a million edges pass this test, a Map lookup each was most of a load.
  const isVia = new Uint8Array(n);
  for (const v of byVia.keys()) isVia[v] = 1;
  for (let e = 0; e < edgeSource.length; e++) {
    const s = edgeSource[e]!, t = edgeTarget[e]!;
    if (isVia[s] === 0 && isVia[t] === 0) continue;
    const f = costs.forwardMs[e]! >= 0, b = costs.backwardMs[e]! >= 0;
    if (isVia[t] === 1) {
      if (f) add(arrive, t, e << 1);
      if (b) add(leave, t, (e << 1) | 1);
    }
    if (isVia[s] === 1) {
      if (f) add(leave, s, e << 1);
      if (b) add(arrive, s, (e << 1) | 1);
    }
  }

  const junctionOf: number[] = [];
  const expansion: TurnExpansion = { ...empty, arrivals: new Map(), departures: new Map(), headOf: new Map(), tailOf: new Map() };
  const connectors: number[] = [];
  const newCopy = (v: number) => n + junctionOf.push(v) - 1;
  for (const [v, indexes] of byVia) {
    const ins = arrive.get(v) ?? [];
    const outs = leave.get(v) ?? [];
    if (ins.length === 0 || outs.length === 0) continue;
    const banned = new Set<string>();
    for (const i of indexes) {
      const from = r[i + 1]!, to = r[i + 2]!, only = (r[i + 3]! & TURN_ONLY) !== 0;
      for (const a of ins) {
        if (a >> 1 !== from) continue;
        for (const d of outs) if (only ? d >> 1 !== to : d >> 1 === to) banned.add(`${a}:${d}`);
      }
    }
    if (banned.size === 0) continue;
    expansion.junctions++;
    expansion.bannedTurns += banned.size;
    const inCopies = ins.map((a) => {
      const copy = newCopy(v);
      expansion.headOf.set(a, copy);
      return copy;
    });
    const outCopies = outs.map((d) => {
      const copy = newCopy(v);
      expansion.tailOf.set(d, copy);
      return copy;
    });
    expansion.arrivals.set(v, inCopies);
    expansion.departures.set(v, outCopies);
    ins.forEach((a, i) => outs.forEach((d, j) => {
      if (!banned.has(`${a}:${d}`)) connectors.push(inCopies[i]!, outCopies[j]!);
    }));
  }
  expansion.nodeCount = n + junctionOf.length;
  expansion.junctionOf = Int32Array.from(junctionOf);
  expansion.connectors = Int32Array.from(connectors);
  return expansion;
}
