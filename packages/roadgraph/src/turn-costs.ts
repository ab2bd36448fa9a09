import type { Adjacency } from './adjacency.js';
import { FIXED_SCALE } from './geo.js';
import type { GraphData } from './graph-data.js';
import { profileFlag } from './turns.js';
import type { Profile } from './profile.js';
import { ViaWayAutomaton, reversedViaWays, type ViaWayRestriction } from './via-ways.js';

/**
 * Turn costs by angle, U-turns only where a driver can make one, and restrictions whose via is a
 * way: the rules (pure, no search) of the turn-aware refinement (turn-search.ts). ADR 0013.
 *
 * The cost of a turn is OSRM's car profile (`profiles/car.lua`, `process_turn`): a sigmoid of the
 * turn angle that tops out at `turnPenaltySeconds`, skewed by `turnBias` so that turns across
 * the oncoming traffic (left where traffic keeps right) cost more than turns with it, plus
 * `uTurnSeconds` for a U-turn. Like OSRM it is charged only at a junction of three roads or more
 * (a bend where one way meets the next is not a turn) and for U-turns.
 */
export interface TurnCostOptions {
  /** The side traffic keeps to: a right turn is the cheap one where it keeps right. */
  trafficSide?: 'right' | 'left';
  /** The most a turn by angle costs (s): OSRM car.lua `turn_penalty` = 7.5. */
  turnPenaltySeconds?: number;
  /** How much cheaper turns with the traffic are than across it: OSRM car.lua `turn_bias` = 1.075. */
  turnBias?: number;
  /** Added to a U-turn (s): OSRM car.lua `u_turn_penalty` = 20. */
  uTurnSeconds?: number;
  /**
   * Where a U-turn may be made: `'junctions'` (default) at dead ends, at junctions of three roads
   * or more and where every other way out is barred, never at a bend in the middle of a road;
   * `'anywhere'` as the node-based graph allows (with both costs 0 that is the graph without turn costs).
   */
  uTurns?: 'junctions' | 'anywhere';
}

/** Slots of each heading cache (TurnModel): a power of two; 2^16 holds every code of a city. */
const HEADING_SLOTS = 1 << 16;
/** Slots of the turn cache (TurnModel.turnMs): a power of two. */
const TURN_SLOTS = 1 << 16;

export const DEFAULT_TURN_COSTS: Required<TurnCostOptions> = { trafficSide: 'right', turnPenaltySeconds: 7.5, turnBias: 1.075, uTurnSeconds: 20, uTurns: 'junctions' };

export type { ViaWayRestriction } from './via-ways.js';

/**
 * Seconds a turn of `angle` degrees costs (0 straight on, positive to the right, +-180 back),
 * OSRM's sigmoid. Not rounded: `turnMs` rounds to whole milliseconds.
 */
export function turnSeconds(angle: number, uTurn: boolean, options: TurnCostOptions = {}): number {
  const o = { ...DEFAULT_TURN_COSTS, ...options };
  return sigmoidSeconds(angle, o.trafficSide === 'left' ? 1 / o.turnBias : o.turnBias, o.turnPenaltySeconds) + (uTurn ? o.uTurnSeconds : 0);
}

/** OSRM car.lua's sigmoid: `bias` > 1 makes right turns the cheap ones. */
function sigmoidSeconds(angle: number, bias: number, penalty: number): number {
  return angle >= 0
    ? penalty / (1 + Math.exp(-((13 / bias) * (angle / 180) - 6.5 * bias)))
    : penalty / (1 + Math.exp(-((13 * bias) * (-angle / 180) - 6.5 / bias)));
}

/** Bearing (degrees clockwise from north) between two points in 1e-7 degree units; NaN if they coincide. */
function bearing(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (lon1 === lon2 && lat1 === lat2) return Number.NaN;
  const cos = Math.cos((lat1 / FIXED_SCALE) * (Math.PI / 180));
  return (Math.atan2((lon2 - lon1) * cos, lat2 - lat1) * 180) / Math.PI;
}

/** The turn angle from heading `a` to heading `b`, in (-180, 180]: positive is to the right. */
export function turnAngle(a: number, b: number): number {
  let d = b - a;
  while (d <= -180) d += 360;
  while (d > 180) d -= 360;
  return d;
}

/**
 * The turn rules of one profile's routing graph. Nothing is stored per edge: the angles are read
 * from the edge geometry when a search asks (memory stays within the limit). A junction's count of
 * roads is kept once read, one byte a graph node (1.1 MB on the 14x14 metro): the refinement asks
 * for it at every state it settles, thousands per recommendation on a metro, and counting it
 * anew was a ninth of the refinement's CPU (node --cpu-prof, bench:dispatch).
 */
export class TurnModel {
  readonly options: Required<TurnCostOptions>;
  /** Via-way restrictions that bind this profile, undefined when none does (the search skips them). */
  readonly viaWays: ViaWayAutomaton | undefined;
  private readonly seen = new Int32Array(64);
  private readonly bias: number;
  /** roadsAt per graph node, + 1 (0: not counted yet); the adjacency's arcs never change. */
  private roadsKept: Uint8Array | undefined;

  constructor(
    private readonly data: GraphData,
    private readonly forward: Adjacency,
    private readonly backward: Adjacency,
    /** A split junction's copies (turns.ts), undefined for a plain node. */
    private readonly copiesOf: (v: number) => { arrivals: readonly number[]; departures: readonly number[] } | undefined,
    profile: Profile,
    options: TurnCostOptions = {},
    viaWays: readonly ViaWayRestriction[] = [],
  ) {
    this.options = { ...DEFAULT_TURN_COSTS, ...options };
    for (const [key, value] of Object.entries(this.options)) {
      if (key !== 'trafficSide' && key !== 'uTurns' && !(typeof value === 'number' && value >= 0 && Number.isFinite(value))) throw new RangeError(`turn costs: ${key} must be a number >= 0, got ${String(value)}`);
    }
    if (!(this.options.turnBias > 0)) throw new RangeError('turn costs: turnBias must be > 0');
    this.bias = this.options.trafficSide === 'left' ? 1 / this.options.turnBias : this.options.turnBias;
    const flag = profileFlag(profile);
    const binding = viaWays.filter((r) => (r.profiles & flag) !== 0 && r.via.length > 0);
    this.binding = binding;
    this.viaWays = binding.length > 0 ? new ViaWayAutomaton(binding, data.edgeSource.length) : undefined;
  }

  private readonly binding: readonly ViaWayRestriction[];
  private reversed: ViaWayAutomaton | undefined;

  /**
   * The via-way restrictions read backwards (`reversedViaWays`), for the search from the
   * destination (turn-backward.ts); undefined when none binds. Built when first asked.
   */
  get viaWaysBackward(): ViaWayAutomaton | undefined {
    if (this.binding.length === 0) return undefined;
    this.reversed ??= new ViaWayAutomaton(reversedViaWays(this.binding, this.data.edgeSource, this.data.edgeTarget), this.data.edgeSource.length);
    return this.reversed;
  }

  /**
   * Milliseconds for driving in by edge code `arrive` (heading `inHeading`, see `headingIn`) and
   * out by `leave` at a junction of `roads` roads (`roadsAt`) with `exits` other ways out than
   * back (`exits()` is asked only for a U-turn at a bend); Infinity for a U-turn where none may
   * be made.
   */
  turnMs(roads: number, exits: () => number, arrive: number, inHeading: number, leave: number): number {
    const uTurn = leave === (arrive ^ 1);
    if (uTurn) {
      // Back the way it came: at a dead end (or where every other way is barred to it) or at a
      // junction; never at a bend in the middle of a road.
      if (roads === 2 && this.options.uTurns === 'junctions' && exits() > 0) return Infinity;
      return Math.round(1000 * (sigmoidSeconds(180, this.bias, this.options.turnPenaltySeconds) + this.options.uTurnSeconds));
    }
    if (roads <= 2) return 0;
    // The turn by angle depends on the two codes alone (inHeading is `headingIn(arrive)`): kept
    // in a direct-mapped table tagged with both, as the headings are. The A* asks for one per arc
    // it relaxes, and the sigmoid's exp was an eighth of its CPU (node --cpu-prof, issue 19 §5).
    const slot = (Math.imul(arrive, 0x9e3779b1) ^ leave) & (TURN_SLOTS - 1);
    if (this.turnArrive[slot] === arrive && this.turnLeave[slot] === leave) return this.turnValue[slot]!;
    const angle = turnAngle(inHeading, this.headingOut(leave));
    const ms = Math.round(1000 * sigmoidSeconds(Number.isNaN(angle) ? 0 : angle, this.bias, this.options.turnPenaltySeconds));
    this.turnArrive[slot] = arrive;
    this.turnLeave[slot] = leave;
    this.turnValue[slot] = ms;
    return ms;
  }

  /** Turns by angle already worked out (turnMs), by a hash of both codes: 768 KB per profile. */
  private readonly turnArrive = new Int32Array(TURN_SLOTS).fill(-1);
  private readonly turnLeave = new Int32Array(TURN_SLOTS).fill(-1);
  private readonly turnValue = new Int32Array(TURN_SLOTS);

  /** Distinct roads (edges this profile drives either way) at graph node v, its copies included. */
  roadsAt(v: number): number {
    const kept = (this.roadsKept ??= new Uint8Array(this.data.nodeLon.length));
    const known = kept[v]!;
    if (known > 0) return known - 1;
    const roads = this.countRoads(v);
    // More than 254 roads at one junction does not happen; such a count is just not kept.
    if (roads < 255) kept[v] = roads + 1;
    return roads;
  }

  private countRoads(v: number): number {
    const split = this.copiesOf(v);
    if (split === undefined) {
      this.count = 0;
      this.addRow(this.forward, v);
      this.addRow(this.backward, v);
      return this.count;
    }
    this.count = 0;
    for (const u of split.departures) this.addRow(this.forward, u);
    for (const u of split.arrivals) this.addRow(this.backward, u);
    return this.count;
  }

  private count = 0;

  private addRow(adj: Adjacency, u: number): void {
    const seen = this.seen;
    for (let a = adj.start[u]!, end = adj.start[u + 1]!; a < end; a++) {
      const code = adj.codeOf(a);
      if (code < 0) continue;
      const e = code >> 1;
      let i = 0;
      while (i < this.count && seen[i] !== e) i++;
      if (i === this.count && this.count < seen.length) seen[this.count++] = e;
    }
  }

  /** Turn angle at the junction between arriving by code `arrive` and leaving by `leave`; NaN on zero-length edges. */
  angleAt(arrive: number, leave: number): number {
    return turnAngle(this.headingIn(arrive), this.headingOut(leave));
  }

  /**
   * Headings read from the geometry, cached by edge code in a small direct-mapped table (a slot
   * per code modulo HEADING_SLOTS, tagged with the code): the A* asks one per arc it relaxes, and
   * the trigonometry was its largest cost (node --cpu-prof, bench/roadgraph/turns.ts). Exact
   * (Float64, the same numbers), 1.5 MB per profile whatever the graph's size.
   */
  private readonly inTag = new Int32Array(HEADING_SLOTS).fill(-1);
  private readonly inValue = new Float64Array(HEADING_SLOTS);
  private readonly outTag = new Int32Array(HEADING_SLOTS).fill(-1);
  private readonly outValue = new Float64Array(HEADING_SLOTS);

  /** Heading of the last piece of an arc as it arrives at its head. */
  headingIn(code: number): number {
    const slot = code & (HEADING_SLOTS - 1);
    if (this.inTag[slot] === code) return this.inValue[slot]!;
    const heading = this.readHeadingIn(code);
    this.inTag[slot] = code;
    this.inValue[slot] = heading;
    return heading;
  }

  /** Heading of the first piece of an arc as it leaves its tail. */
  private headingOut(code: number): number {
    const slot = code & (HEADING_SLOTS - 1);
    if (this.outTag[slot] === code) return this.outValue[slot]!;
    const heading = this.readHeadingOut(code);
    this.outTag[slot] = code;
    this.outValue[slot] = heading;
    return heading;
  }

  private readHeadingIn(code: number): number {
    const { geomStart, geomCoords } = this.data;
    const e = code >> 1;
    const first = geomStart[e]!, last = geomStart[e + 1]! - 1;
    if (code & 1) {
      for (let p = first + 1; p <= last; p++) {
        const b = bearing(geomCoords[2 * p]!, geomCoords[2 * p + 1]!, geomCoords[2 * first]!, geomCoords[2 * first + 1]!);
        if (!Number.isNaN(b)) return b;
      }
      return Number.NaN;
    }
    for (let p = last - 1; p >= first; p--) {
      const b = bearing(geomCoords[2 * p]!, geomCoords[2 * p + 1]!, geomCoords[2 * last]!, geomCoords[2 * last + 1]!);
      if (!Number.isNaN(b)) return b;
    }
    return Number.NaN;
  }

  private readHeadingOut(code: number): number {
    const { geomStart, geomCoords } = this.data;
    const e = code >> 1;
    const first = geomStart[e]!, last = geomStart[e + 1]! - 1;
    if (code & 1) {
      for (let p = last - 1; p >= first; p--) {
        const b = bearing(geomCoords[2 * last]!, geomCoords[2 * last + 1]!, geomCoords[2 * p]!, geomCoords[2 * p + 1]!);
        if (!Number.isNaN(b)) return b;
      }
      return Number.NaN;
    }
    for (let p = first + 1; p <= last; p++) {
      const b = bearing(geomCoords[2 * first]!, geomCoords[2 * first + 1]!, geomCoords[2 * p]!, geomCoords[2 * p + 1]!);
      if (!Number.isNaN(b)) return b;
    }
    return Number.NaN;
  }
}
