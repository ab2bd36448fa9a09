import type { Recommendation, ResponsePlan, UnitKind } from '@firebreak/contracts';

type Ranked = Omit<Recommendation, 'planSlot'>;

/**
 * Fills the plan's slots from units ranked fastest first: tier by tier, each slot takes the
 * fastest units of its kind not yet taken. Units out of reach fill nothing. Pure.
 */
export function fillPlan(ranked: readonly Ranked[], plan: ResponsePlan | null): { items: Recommendation[]; unfilled: { tier: number; kind: UnitKind; missing: number }[] } {
  const slotOf = new Map<string, { tier: number; kind: UnitKind }>();
  const unfilled: { tier: number; kind: UnitKind; missing: number }[] = [];
  for (const tier of [...(plan?.tiers ?? [])].sort((a, b) => a.tier - b.tier)) {
    for (const slot of tier.slots) {
      const taken = ranked.filter((u) => u.kind === slot.kind && u.etaSeconds !== null && !slotOf.has(u.unitId)).slice(0, slot.units);
      for (const u of taken) slotOf.set(u.unitId, { tier: tier.tier, kind: slot.kind });
      if (taken.length < slot.units) unfilled.push({ tier: tier.tier, kind: slot.kind, missing: slot.units - taken.length });
    }
  }
  return { items: ranked.map((u) => ({ ...u, planSlot: slotOf.get(u.unitId) ?? null })), unfilled };
}
