import { INCIDENT_TYPE_NEEDS, type IncidentType, type Recommendation, type ResponsePlan, type ShortfallSlot, type UnitKind } from '@firebreak/contracts';

type Ranked = Omit<Recommendation, 'planSlot'>;
type Card = Pick<ResponsePlan, 'tiers'>;
type Slot = Card['tiers'][number]['slots'][number];
const byTier = (card: Card | null) => [...(card?.tiers ?? [])].sort((a, b) => a.tier - b.tier);
/** The capabilities of a unit by id (units whose capabilities are not known carry none). */
export type CapabilitiesOf = (unitId: string) => readonly string[];
const noCapabilities: CapabilitiesOf = () => [];

/** Does a unit fill the slot: of its kind (when it names one), carrying its capability (when it names one)? Pure. */
export function fitsSlot(slot: Pick<Slot, 'kind' | 'capability'>, unit: { kind: UnitKind; capabilities: readonly string[] }): boolean {
  return (slot.kind === undefined || unit.kind === slot.kind) && (slot.capability === undefined || unit.capabilities.includes(slot.capability));
}

/** A slot as the answers name it: its kind (null for a capability-only slot), and its capability when it names one. */
const named = (slot: Slot) => ({ kind: slot.kind ?? null, ...(slot.capability !== undefined ? { capability: slot.capability } : {}) });

type Unfilled = { tier: number; kind: UnitKind | null; capability?: string; missing: number };

/**
 * Fills the plan's slots from units ranked fastest first: tier by tier, each slot takes the
 * fastest units of its kind not yet taken. Units out of reach fill nothing. Pure.
 */
export function fillPlan(ranked: readonly Ranked[], plan: Card | null, capabilitiesOf: CapabilitiesOf = noCapabilities): { items: Recommendation[]; unfilled: Unfilled[] } {
  const slotOf = new Map<string, NonNullable<Recommendation['planSlot']>>();
  const unfilled: Unfilled[] = [];
  for (const tier of byTier(plan)) {
    for (const slot of tier.slots) {
      const taken = ranked.filter((u) => u.etaSeconds !== null && !slotOf.has(u.unitId) && fitsSlot(slot, { kind: u.kind, capabilities: capabilitiesOf(u.unitId) })).slice(0, slot.units);
      for (const u of taken) slotOf.set(u.unitId, { tier: tier.tier, kind: slot.kind ?? u.kind, ...(slot.capability !== undefined ? { capability: slot.capability } : {}) });
      if (taken.length < slot.units) unfilled.push({ tier: tier.tier, ...named(slot), missing: slot.units - taken.length });
    }
  }
  return { items: ranked.map((u) => ({ ...u, planSlot: slotOf.get(u.unitId) ?? null })), unfilled };
}

/**
 * The card still to fill once the units already committed to the incident are counted: each
 * committed unit takes a place it fits (its kind's, or a capability's it carries), earliest tier
 * first; slots left with no place go, and tiers left with no slot. `committed`: the units, or
 * their count per kind (units without capabilities). Pure.
 */
export function cardLeft(card: Card, committed: ReadonlyMap<UnitKind, number> | readonly { kind: UnitKind; capabilities: readonly string[] }[]): Card {
  const units = committed instanceof Map ? [...committed].flatMap(([kind, n]) => Array.from({ length: n }, () => ({ kind, capabilities: [] as readonly string[] }))) : [...(committed as readonly { kind: UnitKind; capabilities: readonly string[] }[])];
  const placed = new Set<number>();
  const tiers = byTier(card).map((tier) => ({
    tier: tier.tier,
    slots: tier.slots.map((slot) => {
      let take = 0;
      for (const [i, u] of units.entries()) {
        if (take === slot.units) break;
        if (!placed.has(i) && fitsSlot(slot, u)) {
          placed.add(i);
          take++;
        }
      }
      return { ...slot, units: slot.units - take };
    }).filter((slot) => slot.units > 0),
  })).filter((tier) => tier.slots.length > 0);
  return { tiers };
}

/**
 * The order a dispatcher reads: the units filling the card's slots first (earliest tier first,
 * then the incident type's most essential kind, then fastest), then the other reachable units of a
 * kind the type needs, then the rest, fastest first; units out of reach last. So a fire never
 * shows a patrol car first when an engine can come. Stable for equal keys. Pure.
 */
export function orderForIncident(items: readonly Recommendation[], type: IncidentType): Recommendation[] {
  const needs = INCIDENT_TYPE_NEEDS[type].kinds;
  const need = (k: UnitKind) => (needs.includes(k) ? needs.indexOf(k) : needs.length);
  const group = (r: Recommendation) => (r.etaSeconds === null ? 3 : r.planSlot ? 0 : need(r.kind) < needs.length ? 1 : 2);
  const eta = (r: Recommendation) => r.etaSeconds ?? Infinity;
  return items
    .map((r, i) => ({ r, i }))
    .sort((a, b) => group(a.r) - group(b.r)
      || (group(a.r) === 0 ? a.r.planSlot!.tier - b.r.planSlot!.tier || need(a.r.kind) - need(b.r.kind) : 0)
      || eta(a.r) - eta(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

export interface ShortfallInput {
  /** The filled items (from `fillPlan`), any order. */
  items: readonly Recommendation[];
  card: Card | null;
  /** Kinds of every unit the dispatcher may send (own or lent), whatever their status. */
  kindsInScope: ReadonlySet<UnitKind>;
  /** Whether any unit the dispatcher may send (whatever its status) fills a slot naming a capability; absent: none does. */
  slotInScope?: (slot: Pick<Slot, 'kind' | 'capability'>) => boolean;
  /** On-scene deadline (epoch ms) of each tier of the incident's clock not yet met. */
  deadlines: ReadonlyMap<number, number>;
  now: Date;
}

/**
 * Every slot of the card not filled in time, and why: an unfilled place is `none_in_scope` when
 * no unit of the kind is the dispatcher's to send at all, else `none_available`; a place filled by
 * a unit that arrives after its tier's deadline is `too_far_for_tier_N`. A tier without an on-scene
 * deadline (or already met) has no time to miss. Pure.
 */
export function shortfallOf(input: ShortfallInput): ShortfallSlot[] {
  const out: ShortfallSlot[] = [];
  for (const tier of byTier(input.card)) {
    const deadline = input.deadlines.get(tier.tier);
    for (const slot of tier.slots) {
      const base = { tier: tier.tier, ...named(slot) };
      const taken = input.items.filter((r) => r.planSlot?.tier === tier.tier && r.planSlot.capability === slot.capability && (slot.kind === undefined || r.planSlot.kind === slot.kind));
      const late = deadline === undefined ? [] : taken.filter((r) => input.now.getTime() + r.etaSeconds! * 1000 > deadline);
      if (late.length > 0) out.push({ ...base, missing: late.length, reason: `too_far_for_tier_${tier.tier}`, fastestEtaSeconds: Math.min(...late.map((r) => r.etaSeconds!)) });
      const unfilled = slot.units - taken.length;
      const inScope = slot.capability === undefined ? input.kindsInScope.has(slot.kind!) : (input.slotInScope?.(slot) ?? false);
      if (unfilled > 0) out.push({ ...base, missing: unfilled, reason: inScope ? 'none_available' : 'none_in_scope', fastestEtaSeconds: null });
    }
  }
  return out;
}
