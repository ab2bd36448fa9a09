import { REPLAY_MAX_UNITS, type ReplayDeployment, type ReplayShift, type ReplayUnit, type UnitKind } from '@firebreak/contracts';
import { AppError } from '../../errors.js';

/**
 * A deployment to replay, pure: the recorded fleet changed by a deployment file (remove, move,
 * add), or the file's own list of units. Problems name the field (`body.deployment.move.0.callSign`).
 */

/** A unit of the registry as the replay takes it: at its home, around the clock. */
export interface FleetEntry {
  callSign: string;
  kind: UnitKind;
  capabilities: readonly string[];
  home: [number, number];
}

export interface ResolvedUnit {
  callSign: string;
  kind: UnitKind;
  capabilities: readonly string[];
  base: [number, number];
  onDuty: (at: number) => boolean;
}

export interface ResolvedDeployment {
  name: string;
  units: ResolvedUnit[];
}

export const deploymentInvalid = (path: string, message: string): AppError =>
  new AppError('REPLAY_DEPLOYMENT_INVALID', `${path}: ${message}`, { fields: [{ path, message }] });

/** Minutes since local midnight in the zone, from a formatter made once per deployment. */
function minuteOfDayIn(timeZone: string, path: string): (at: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch {
    throw deploymentInvalid(`${path}.timeZone`, `unknown time zone ${JSON.stringify(timeZone)} (an IANA name such as Europe/Vaduz)`);
  }
  return (at) => {
    const parts = format.formatToParts(at);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return part('hour') * 60 + part('minute');
  };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Is a minute of the day inside the shift (`to` before `from`: past midnight; equal: all day)? */
export function inShift(shift: ReplayShift, minute: number): boolean {
  const [from, to] = [minutesOf(shift.from), minutesOf(shift.to)];
  if (from === to) return true;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

const always = () => true;

function resolveUnit(u: ReplayUnit, minuteOfDay: (at: number) => number): ResolvedUnit {
  const shifts = u.shifts;
  return {
    callSign: u.callSign,
    kind: u.kind,
    capabilities: u.capabilities ?? [],
    base: u.base,
    onDuty: shifts && shifts.length > 0 ? (at) => { const m = minuteOfDay(at); return shifts.some((s) => inShift(s, m)); } : always,
  };
}

/**
 * The units of a deployment. `path` names it in problems (`body.deployment`, `body.compare`).
 * Without a file: the recorded fleet as it stands.
 */
export function resolveDeployment(fleet: readonly FleetEntry[], d: ReplayDeployment | undefined, path: string, fallbackName: string): ResolvedDeployment {
  const recorded = fleet.map((f) => ({ callSign: f.callSign, kind: f.kind, capabilities: f.capabilities, base: f.home, onDuty: always }));
  if (!d) return { name: fallbackName, units: recorded };
  const minuteOfDay = minuteOfDayIn(d.timeZone, path);
  const start: ResolvedUnit[] = d.units ? d.units.map((u) => resolveUnit(u, minuteOfDay)) : recorded;
  const bySign = new Map<string, ResolvedUnit>();
  for (const [k, u] of start.entries()) {
    if (bySign.has(u.callSign)) throw deploymentInvalid(`${path}.units.${k}.callSign`, `${u.callSign} appears twice`);
    bySign.set(u.callSign, u);
  }
  const known = (field: string, sign: string) => {
    if (!bySign.has(sign)) throw deploymentInvalid(field, `no unit ${sign} in the deployment (call signs are the registry's, or those of \`units\`)`);
    return bySign.get(sign)!;
  };
  d.remove.forEach((sign, k) => {
    known(`${path}.remove.${k}`, sign);
    bySign.delete(sign);
  });
  d.move.forEach((m, k) => {
    const u = known(`${path}.move.${k}.callSign`, m.callSign);
    bySign.set(m.callSign, { ...u, base: m.base });
  });
  d.add.forEach((u, k) => {
    if (bySign.has(u.callSign)) throw deploymentInvalid(`${path}.add.${k}.callSign`, `${u.callSign} is already in the deployment`);
    bySign.set(u.callSign, resolveUnit(u, minuteOfDay));
  });
  const units = [...bySign.values()];
  if (units.length === 0) throw deploymentInvalid(path, 'the deployment has no unit left');
  if (units.length > REPLAY_MAX_UNITS) throw new AppError('REPLAY_TOO_LARGE', `${path}: ${units.length} units, at most ${REPLAY_MAX_UNITS}`, { fields: [{ path, message: `at most ${REPLAY_MAX_UNITS} units` }] });
  return { name: d.name ?? fallbackName, units };
}
