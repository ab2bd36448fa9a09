import { SetResponsePlanBody, UnitKind } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows } from '../../../platform/db/client.js';
import { setResponsePlanIn } from '../../dispatch/index.js';
import { RowRejected, listCell, parseBody, type OnboardKindRules } from '../rows.js';

export const PLAN_COLUMNS: Record<string, string> = { jurisdictionId: 'jurisdiction', incidentType: 'incident_type', priority: 'priority', tiers: 'tier_1…tier_10' };

const TIER_COLUMNS = Array.from({ length: 10 }, (_, i) => `tier_${i + 1}`);

/**
 * Response plans (run cards): one row per jurisdiction, incident type and priority, with the unit
 * kinds wanted per tier of the response clock in `tier_1` … `tier_10`, e.g. `tier_2` =
 * `fire_engine`, `tier_3` = `fire_engine;ladder;ambulance*2`. Known by jurisdiction, type and
 * priority: a jurisdiction's own card (not one inherited from above, which the new one overrides).
 */
export const planRules: OnboardKindRules<SetResponsePlanBody> = {
  entityType: 'response_plan',
  columns: { required: ['jurisdiction', 'incident_type', 'priority'], optional: TIER_COLUMNS, geojson: false },

  async prepare(_q, env, { values: v }) {
    const j = env.jurisdictions.resolve(v.jurisdiction!, 'jurisdiction');
    const tiers = TIER_COLUMNS.flatMap((column, i) => {
      const cell = v[column];
      if (cell === undefined) return [];
      const slots = listCell(cell).map((slot) => {
        const m = /^([a-z_]+)\s*(?:\*\s*(\d+))?$/.exec(slot);
        if (!m) throw new RowRejected(column, `${slot} is not a unit kind, or kind*count (e.g. ambulance*2)`);
        // The kind checked here, where its column is known (the body's schema only knows the tier's index).
        const kind = UnitKind.safeParse(m[1]);
        if (!kind.success) throw new RowRejected(column, `${m[1]}: ${kind.error.issues[0]!.message}`);
        return { kind: kind.data, units: m[2] === undefined ? 1 : Number(m[2]) };
      });
      return [{ tier: i + 1, slots }];
    });
    if (tiers.length === 0) throw new RowRejected('tier_1', 'give the units of at least one tier (tier_1 … tier_10)');
    const body = parseBody(SetResponsePlanBody, { jurisdictionId: j.id, incidentType: v.incident_type, priority: v.priority, tiers }, PLAN_COLUMNS);
    return { key: `${j.path} ${body.incidentType} ${body.priority}`, body };
  },

  async existing(q, _env, body) {
    const [own] = await rows<{ id: string; tiers: unknown }>(q, sql`select id, tiers from response_plans
      where jurisdiction_id = ${body.jurisdictionId} and incident_type = ${body.incidentType} and priority = ${body.priority}`);
    if (!own) return null;
    const wanted = [...body.tiers].sort((a, b) => a.tier - b.tier);
    const same = JSON.stringify(own.tiers) === JSON.stringify(wanted);
    return { id: own.id, difference: same ? null : `its own card has other tiers (${describe(own.tiers as typeof wanted)}; the file says ${describe(wanted)})` };
  },

  async create(tx, record, env, body) {
    const plan = await setResponsePlanIn(tx, record, { clock: env.clock }, { actor: env.actor }, body);
    return { id: plan.id, path: plan.jurisdictionPath };
  },
};

const describe = (tiers: SetResponsePlanBody['tiers']) => tiers.map((t) => `tier ${t.tier}: ${t.slots.map((s) => (s.units > 1 ? `${s.kind}*${s.units}` : s.kind)).join(';')}`).join(', ');
