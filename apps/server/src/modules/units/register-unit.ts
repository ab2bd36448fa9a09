import type { RegisterUnitBody, Unit } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { findPlace } from '../places/index.js';
import type { LivePositions } from './live-positions.js';
import { callSignTaken, findUnitRow, presentUnit } from './units.queries.js';

const STATIONS = ['fire_station', 'police_station'];

/** Adds a unit to the registry, off duty unless said otherwise, available. */
export async function registerUnit(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: RegisterUnitBody, live: LivePositions): Promise<Unit> {
  const { result } = await runCommand(deps, ctx, (tx, record) => registerUnitIn(tx, record, deps, ctx, input, live));
  return result;
}

/** The same inside a transaction already open (bulk onboarding registers many units in one). */
export async function registerUnitIn(tx: Tx, record: CommandRecord, deps: Pick<CommandDeps, 'clock'>, ctx: { actor: Actor }, input: RegisterUnitBody, live: LivePositions): Promise<Unit> {
  const j = await findJurisdiction(tx, input.jurisdictionId);
  if (!j || !can(ctx.actor, 'units:read', j.path)) throw invalidField('body.jurisdictionId', 'no such jurisdiction in your scope');
  if (!can(ctx.actor, 'units:manage', j.path)) throw new AppError('FORBIDDEN', `You may not register units in ${j.path}`);
  let home = input.homeLocation;
  if (input.homeStationId) {
    const station = await findPlace(tx, input.homeStationId);
    if (!station || !can(ctx.actor, 'places:read', station.jurisdictionPath)) throw invalidField('body.homeStationId', 'no such place in your scope');
    if (!STATIONS.includes(station.category)) throw invalidField('body.homeStationId', 'is not a fire or police station');
    home ??= station.location;
  }
  if (await callSignTaken(tx, input.callSign)) throw new AppError('UNIT_CALL_SIGN_TAKEN', `Call sign ${input.callSign} is taken`);
  const id = uuidv7();
  const now = deps.clock();
  await tx.execute(sql`insert into units (id, call_sign, kind, jurisdiction_id, jurisdiction_path, home_station_id, home_location, crew_size,
      capabilities, status, status_changed_at, on_duty, duty_changed_at, created_at, updated_at)
    values (${id}, ${input.callSign}, ${input.kind}, ${j.id}, ${j.path}::ltree, ${input.homeStationId ?? null},
      ST_SetSRID(ST_MakePoint(${home![0]}, ${home![1]}), 4326), ${input.crewSize}, array(select jsonb_array_elements_text(${JSON.stringify(input.capabilities)}::jsonb)), 'available', ${now},
      ${input.onDuty}, ${now}, ${now}, ${now})`);
  const unit = presentUnit((await findUnitRow(tx, id))!, live, now);
  record.audit({ action: 'units.registered', entityType: 'unit', entityId: id, jurisdictionPath: j.path, after: unit });
  record.emit({ type: 'units.registered', jurisdictionPath: j.path, data: unit });
  return unit;
}
