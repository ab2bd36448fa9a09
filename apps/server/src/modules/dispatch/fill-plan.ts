import { INCIDENT_TYPE_NEEDS, type IncidentType, type Recommendation, type ResponsePlan, type ShortfallSlot, type UnitKind } from '@firebreak/contracts';

type Ranked = Omit<Recommendation, 'planSlot'>;
type Card = Pick<ResponsePlan, 'tiers'>;
const byTier = (card: Card | null) => [...(card?.tiers ?? [])].sort((a, b) => a.tier - b.tier);

/**
 * Fills the plan's slots from units ranked fastest first: tier by tier, each slot takes the
 * fastest units of its kind not yet taken. Units out of reach fill nothing. Pure.
 */
export function fillPlan(ranked: readonly Ranked[], plan: Card | null): { items: Recommendation[]; unfilled: { tier: number; kind: UnitKind; missing: number }[] } {
  const slotOf = new Map<string, { tier: number; kind: UnitKind }>();
  const unfilled: { tier: number; kind: UnitKind; missing: number }[] = [];
  for (const tier of byTier(plan)) {
    for (const slot of tier.slots) {
      const taken = ranked.filter((u) => u.kind === slot.kind && u.etaSeconds !== null && !slotOf.has(u.unitId)).slice(0, slot.units);
      for (const u of taken) slotOf.set(u.unitId, { tier: tier.tier, kind: slot.kind });
      if (taken.length < slot.units) unfilled.push({ tier: tier.tier, kind: slot.kind, missing: slot.units - taken.length });
    }
  }
  return { items: ranked.map((u) => ({ ...u, planSlot: slotOf.get(u.unitId) ?? null })), unfilled };
}

/**
 * The card still to fill once the units already committed to the incident are counted: each
 * committed unit takes a place of its kind, earliest tier first; slots left with no place go, and
 * tiers left with no slot. Pure.
 */
export function cardLeft(card: Card, committed: ReadonlyMap<UnitKind, number>): Card {
  const left = new Map(committed);
  const tiers = byTier(card).map((tier) => ({
    tier: tier.tier,
    slots: tier.slots.map((slot) => {
      const take = Math.min(slot.units, left.get(slot.kind) ?? 0);
      left.set(slot.kind, (left.get(slot.kind) ?? 0) - take);
      return { kind: slot.kind, units: slot.units - take };
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
      const base = { tier: tier.tier, kind: slot.kind };
      const taken = input.items.filter((r) => r.planSlot?.tier === tier.tier && r.planSlot.kind === slot.kind);
      const late = deadline === undefined ? [] : taken.filter((r) => input.now.getTime() + r.etaSeconds! * 1000 > deadline);
      if (late.length > 0) out.push({ ...base, missing: late.length, reason: `too_far_for_tier_${tier.tier}`, fastestEtaSeconds: Math.min(...late.map((r) => r.etaSeconds!)) });
      const unfilled = slot.units - taken.length;
      if (unfilled > 0) out.push({ ...base, missing: unfilled, reason: input.kindsInScope.has(slot.kind) ? 'none_available' : 'none_in_scope', fastestEtaSeconds: null });
    }
  }
  return out;
}
