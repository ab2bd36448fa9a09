import type { IncidentType, Priority, ResponsePlan, ResponseTier, UnitKind } from '@firebreak/contracts';
import TinyQueue from 'tinyqueue';
import { settle, startClock } from '../incidents/index.js';
import type { IncidentFacts, ResponseFacts } from '../reports/index.js';
import { sampleSeconds, sampleTravelFactor, seeded } from '../simulation/index.js';

/**
 * The what-if replay, pure: a discrete-event simulation of past calls against a deployment, all
 * in memory (an event queue; nothing is written per event). Rules, as the live simulator
 * (modules/simulation) plays them:
 *
 * - a call is dispatched once its call processing (drawn from the SF-week fit) is over: the card
 *   (run card in force, else the type's default) is filled tier by tier, each slot by the fastest
 *   unit by road that fits it and is free and on duty; a card nothing fills gets the fastest free
 *   unit of any kind; a call no free unit can take waits for the next one to come free;
 * - each unit sent turns out (drawn), drives its base's road time x a drawn travel factor, stays
 *   on scene for the call's recorded time (the k-th unit to arrive takes the k-th recorded unit's
 *   time), else a drawn one, and drives home the same time as out; it is busy until home.
 *
 * Units leave from their base: every road time is known before the run (`eta`), so the loop
 * itself does no search. Draws use common random numbers: each call has its own stream seeded by
 * (seed, call), so two deployments replayed with one seed see the same call processing and the
 * same k-th unit's turnout, travel factor and on-scene time: a difference between them is the
 * deployment's, not the dice's.
 */

export type Card = Pick<ResponsePlan, 'tiers'>['tiers'];

export interface SimUnit {
  callSign: string;
  kind: UnitKind;
  capabilities: readonly string[];
  /** Is the unit on duty at this instant (epoch ms)? */
  onDuty: (at: number) => boolean;
}

export interface SimCall {
  receivedAt: number;
  priority: Priority;
  type: IncidentType;
  jurisdictionPath: string;
  /** On-scene seconds of the recorded units, in order of arrival. */
  onSceneSeconds: readonly number[];
}

export interface ReplayInput {
  /** In order of receipt. */
  calls: readonly SimCall[];
  units: readonly SimUnit[];
  /** Road seconds from each unit's base to call `c` (Infinity: no road), indexed as `units`. */
  eta: (c: number) => ArrayLike<number>;
  cardOf: (call: SimCall) => Card;
  tiers: readonly ResponseTier[];
  seed: number;
}

export interface ReplayOutcome {
  /** Per call, in the order of `calls`: as the reports' model reads incidents. */
  facts: IncidentFacts[];
  unanswered: number;
  queued: number;
}

/** While a call waits with units off duty that could take it, it is looked at again this often. */
const DUTY_RETRY_MS = 60_000;

type Event = { at: number; seq: number; kind: 'dispatch' | 'free' | 'retry'; call: number };

/** The stream of one call: the run's seed and the call's index mixed (a 32-bit hash), so streams do not overlap. */
export function callStream(seed: number, call: number): () => number {
  let h = (seed ^ Math.imul(call + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return seeded((h ^ (h >>> 16)) >>> 0);
}

/** Does the unit fill the slot (its kind when named, its capability when named)? */
const fits = (slot: Card[number]['slots'][number], u: SimUnit) =>
  (slot.kind === undefined || u.kind === slot.kind) && (slot.capability === undefined || u.capabilities.includes(slot.capability));

/**
 * The units to send: the card tier by tier, each slot the fastest free unit that fits; none
 * filled, the fastest free unit. `free`: the unit indexes free, on duty and reachable, fastest first.
 */
export function chooseUnits(card: Card, units: readonly SimUnit[], free: readonly number[]): number[] {
  const taken = new Set<number>();
  for (const tier of [...card].sort((a, b) => a.tier - b.tier)) {
    for (const slot of tier.slots) {
      let left = slot.units;
      for (const i of free) {
        if (left === 0) break;
        if (!taken.has(i) && fits(slot, units[i]!)) {
          taken.add(i);
          left--;
        }
      }
    }
  }
  if (taken.size === 0 && free.length > 0) return [free[0]!];
  return free.filter((i) => taken.has(i));
}

interface CallState {
  random: () => number;
  responses: ResponseFacts[];
  waited: boolean;
}

export function replay(input: ReplayInput): ReplayOutcome {
  const { calls, units } = input;
  const busyUntil = new Float64Array(units.length);
  const queue = new TinyQueue<Event>([], (a, b) => a.at - b.at || a.seq - b.seq);
  let seq = 0;
  const push = (at: number, kind: Event['kind'], call: number) => queue.push({ at, seq: seq++, kind, call });

  const states: CallState[] = calls.map((call, c) => {
    const random = callStream(input.seed, c);
    // First draw of each stream: the call processing (fixed place, whatever happens later).
    push(call.receivedAt + 1000 * sampleSeconds(random, 'callProcessing', call.priority), 'dispatch', c);
    return { random, responses: [], waited: false };
  });
  const waiting: number[] = [];
  let retryAt = Infinity;

  /** Sends units to call `c` at `now`; false when no free unit can take it (it waits). */
  const dispatch = (c: number, now: number): boolean => {
    const call = calls[c]!;
    const eta = input.eta(c);
    const free: number[] = [];
    for (let i = 0; i < units.length; i++) if (busyUntil[i]! <= now && Number.isFinite(eta[i]!) && units[i]!.onDuty(now)) free.push(i);
    free.sort((a, b) => eta[a]! - eta[b]! || a - b);
    const sent = chooseUnits(input.cardOf(call), units, free);
    if (sent.length === 0) return false;
    const state = states[c]!;
    // The k-th unit of the call takes the k-th draws, in order of arrival for the recorded times.
    const legs = sent.map((i) => {
      const turnout = sampleSeconds(state.random, 'turnout', call.priority);
      const drive = eta[i]! * sampleTravelFactor(state.random);
      const drawnOnScene = sampleSeconds(state.random, 'onScene', call.priority);
      return { i, enRoute: now + 1000 * turnout, onScene: now + 1000 * (turnout + drive), drive, drawnOnScene };
    });
    const byArrival = [...legs].sort((a, b) => a.onScene - b.onScene);
    byArrival.forEach((leg, k) => {
      const onSceneSeconds = call.onSceneSeconds[k] ?? leg.drawnOnScene;
      busyUntil[leg.i] = leg.onScene + 1000 * (onSceneSeconds + leg.drive);
      push(busyUntil[leg.i]!, 'free', c);
      state.responses.push({ kind: units[leg.i]!.kind, dispatchedAt: now, enRouteAt: leg.enRoute, onSceneAt: leg.onScene });
    });
    return true;
  };

  /** Can any unit ever take the call: one reaches it, and fits its card or (card unfilled) any. */
  const reachable = (c: number) => {
    const eta = input.eta(c);
    for (let i = 0; i < units.length; i++) if (Number.isFinite(eta[i]!)) return true;
    return false;
  };

  const unanswered = new Set<number>();
  const serveWaiting = (now: number) => {
    // Most urgent first, then the longest waiting.
    waiting.sort((a, b) => calls[a]!.priority.localeCompare(calls[b]!.priority) || a - b);
    for (let k = 0; k < waiting.length; ) {
      if (dispatch(waiting[k]!, now)) waiting.splice(k, 1);
      else k++;
    }
    // Units off duty may come on: look again each minute while calls wait and some unit is off.
    if (waiting.length > 0 && retryAt > now + DUTY_RETRY_MS && units.some((u) => !u.onDuty(now))) {
      retryAt = now + DUTY_RETRY_MS;
      push(retryAt, 'retry', -1);
    }
  };

  const lastCall = calls.length ? calls[calls.length - 1]!.receivedAt : 0;
  // Calls still waiting a day after the last call came in are given up on (none fits on duty).
  const horizon = lastCall + 86_400_000;
  while (queue.length > 0) {
    const e = queue.pop()!;
    if (e.at > horizon) break;
    if (e.kind === 'retry') {
      if (e.at === retryAt) retryAt = Infinity;
      serveWaiting(e.at);
    } else if (e.kind === 'free') {
      serveWaiting(e.at);
    } else if (!reachable(e.call)) {
      unanswered.add(e.call);
    } else if (!dispatch(e.call, e.at)) {
      states[e.call]!.waited = true;
      waiting.push(e.call);
      serveWaiting(e.at);
    }
  }
  for (const c of waiting) unanswered.add(c);

  const facts = calls.map((call, c) => factsOf(call, states[c]!.responses, input.tiers));
  return { facts, unanswered: unanswered.size, queued: states.filter((s) => s.waited).length };
}

/** The call as the reports read an incident: its units' times and its tiers settled (a tier never reached is missed). */
function factsOf(call: SimCall, responses: ResponseFacts[], tiers: readonly ResponseTier[]): IncidentFacts {
  // The simulator's crews acknowledge as they are sent: responded = dispatched.
  const progress = responses.map((r) => ({ respondedAt: new Date(r.dispatchedAt!), onSceneAt: new Date(r.onSceneAt!) }));
  const { clock } = settle(startClock(tiers, new Date(call.receivedAt)), progress, new Date(8.64e15));
  return {
    receivedAt: call.receivedAt,
    priority: call.priority,
    type: call.type,
    jurisdictionPath: call.jurisdictionPath,
    doubtful: false,
    tiers: clock.map((t) => ({ tier: t.tier, met: t.metAt !== null, missed: t.missedAt !== null })),
    responses,
  };
}
