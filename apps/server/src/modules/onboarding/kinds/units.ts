import { RegisterUnitBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { can } from '../../../platform/auth/access.js';
import { rows } from '../../../platform/db/client.js';
import { registerUnitIn, updateUnitIn } from '../../units/index.js';
import { RowRejected, booleanCell, listCell, numberCell, parseBody, type OnboardKindRules } from '../rows.js';

/** What an onboarding file may change on a unit it finds (and an undo gives back). */
export interface UnitValues {
  crewSize: number;
  capabilities: string[];
}

/** Our column of each field of the register-unit body. */
export const UNIT_COLUMNS: Record<string, string> = {
  callSign: 'call_sign', kind: 'kind', jurisdictionId: 'jurisdiction', homeStationId: 'home_station', homeLocation: 'lon', crewSize: 'crew_size', capabilities: 'capabilities', onDuty: 'on_duty',
};

/**
 * Units: one row per unit. Its base is a station loaded before (`home_station`, by name) or a
 * point (`lon`, `lat`). Known by its call sign, which is unique in the registry.
 */
export const unitRules: OnboardKindRules<RegisterUnitBody> = {
  entityType: 'unit',
  columns: { required: ['call_sign', 'kind', 'jurisdiction', 'crew_size'], optional: ['capabilities', 'home_station', 'lon', 'lat', 'on_duty'], geojson: false },

  async prepare(q, env, { values: v }) {
    const j = env.jurisdictions.resolve(v.jurisdiction!, 'jurisdiction');
    let homeStationId: string | undefined;
    if (v.home_station !== undefined) {
      const found = await rows<{ id: string }>(q, sql`select id from places where category in ('fire_station', 'police_station') and lower(name) = lower(${v.home_station})
        and (jurisdiction_path @> ${j.path}::ltree or jurisdiction_path <@ ${j.path}::ltree) limit 2`);
      if (found.length === 0) throw new RowRejected('home_station', `no fire or police station named ${v.home_station} in or above ${j.path} (load the stations first)`);
      if (found.length > 1) throw new RowRejected('home_station', `two stations are named ${v.home_station}: give lon and lat instead`);
      homeStationId = found[0]!.id;
    }
    if ((v.lon === undefined) !== (v.lat === undefined)) throw new RowRejected(v.lon === undefined ? 'lon' : 'lat', 'give both lon and lat, or neither');
    const body = parseBody(RegisterUnitBody, {
      callSign: v.call_sign, kind: v.kind, jurisdictionId: j.id, homeStationId, crewSize: numberCell(v.crew_size),
      homeLocation: v.lon === undefined ? undefined : [numberCell(v.lon), numberCell(v.lat)],
      capabilities: listCell(v.capabilities), onDuty: booleanCell(v.on_duty, 'on_duty'),
    }, UNIT_COLUMNS);
    return { key: body.callSign, body };
  },

  async existing(q, env, body) {
    const [u] = await rows<{ id: string; kind: string; jurisdictionId: string; crewSize: number; capabilities: string[] }>(q, sql`
      select id, kind, jurisdiction_id as "jurisdictionId", crew_size as "crewSize", capabilities from units where lower(call_sign) = lower(${body.callSign})`);
    if (!u) return null;
    const path = env.jurisdictions.byId(u.jurisdictionId)?.path ?? null;
    // A unit out of the actor's sight is not described, nor said to lie outside the actor's scope, as when it is registered by hand.
    if (!can(env.actor, 'units:read', path)) return { id: u.id, difference: null, taken: 'the call sign is already taken' };
    // What a unit is and where it belongs is not changed by a file (that is a new unit); its crew and equipment are.
    const fixed = [
      u.kind !== body.kind && `kind is ${u.kind}, the file says ${body.kind}`,
      u.jurisdictionId !== body.jurisdictionId && `it belongs to ${path}`,
    ].filter((d): d is string => typeof d === 'string');
    if (fixed.length > 0) return { id: u.id, difference: fixed[0]! };
    const changed = [
      u.crewSize !== body.crewSize && `crew size ${u.crewSize} → ${body.crewSize}`,
      [...u.capabilities].sort().join(';') !== [...body.capabilities].sort().join(';') && `capabilities ${u.capabilities.join(';') || '(none)'} → ${body.capabilities.join(';') || '(none)'}`,
    ].filter((d): d is string => typeof d === 'string');
    return { id: u.id, difference: changed.length > 0 ? changed.join(', ') : null, updatable: true };
  },

  async create(tx, record, env, body) {
    const unit = await registerUnitIn(tx, record, { clock: env.clock }, { actor: env.actor }, body, env.live);
    return { id: unit.id, path: unit.jurisdictionPath };
  },

  async update(tx, record, env, id, body) {
    const [was] = await rows<UnitValues>(tx, sql`select crew_size as "crewSize", capabilities from units where id = ${id}`);
    const unit = await updateUnitIn(tx, record, { clock: env.clock }, { actor: env.actor }, id, { crewSize: body.crewSize, capabilities: body.capabilities }, env.live);
    return { path: unit.jurisdictionPath, before: was!, versionAfter: unit.version };
  },
};
