import { CallsMapping } from '@firebreak/contracts';

export { CallsMapping };

/**
 * San Francisco Fire Department "Fire Department Calls for Service" (DataSF). Times are local
 * (America/Los_Angeles). "Response DtTm" is when the unit acknowledged and set off (en route);
 * "Available DtTm" when it cleared. Priority is the call's `Final Priority` (what the call turned
 * out to be; DataSF: "Code 2: Non-Emergency or Code 3: Emergency"), so that our P1 is SF's
 * emergency class (lights and siren). The older codes of `Original Priority` / `Priority` are
 * mapped too, for exports that carry them: E (emergency) and A (most urgent medical) -> P1,
 * B -> P2, C -> P3, 1 (non-emergency, no lights) -> P4. Unit types -> our unit kinds for the
 * report by unit kind (PRIVATE: a private ambulance; CHIEF and RESCUE CAPTAIN: command).
 * Documented in docs/historical-import.md.
 */
export const SF_FIRE_MAPPING: CallsMapping = CallsMapping.parse({
  name: 'sf-fire',
  timeZone: 'America/Los_Angeles',
  timeFormat: 'MM/DD/YYYY hh:mm:ss A',
  columns: {
    callId: 'Call Number', receivedAt: 'Received DtTm', type: 'Call Type', priority: 'Final Priority', address: 'Address', location: 'Location',
    unit: 'Unit ID', unitType: 'Unit Type', sequence: 'Unit sequence in call dispatch',
    dispatchedAt: 'Dispatch DtTm', respondedAt: 'Response DtTm', onSceneAt: 'On Scene DtTm', clearedAt: 'Available DtTm',
  },
  types: {
    'Medical Incident': 'medical',
    'Structure Fire': 'fire', 'Outside Fire': 'fire', 'Vehicle Fire': 'fire', 'Smoke Investigation (Outside)': 'fire', 'Alarms': 'fire',
    'Traffic Collision': 'traffic_accident',
    'Gas Leak (Natural and LP Gases)': 'hazmat_leak', 'HazMat': 'hazmat_leak', 'Fuel Spill': 'hazmat_leak', 'Odor (Strange / Unknown)': 'hazmat_leak',
    'Water Rescue': 'rescue', 'Elevator / Escalator Rescue': 'rescue', 'Confined Space / Structure Collapse': 'rescue', 'Industrial Accidents': 'rescue',
    'Explosion': 'explosion',
  },
  defaultType: 'other',
  priorities: { E: 'P1', '3': 'P1', A: 'P1', '2': 'P2', B: 'P2', C: 'P3', '1': 'P4' },
  defaultPriority: 'P3',
  unitKinds: {
    ENGINE: 'fire_engine', TRUCK: 'ladder', MEDIC: 'ambulance', PRIVATE: 'ambulance', CHIEF: 'command', 'RESCUE CAPTAIN': 'command',
    'RESCUE SQUAD': 'rescue', AIRPORT: 'fire_engine', SUPPORT: 'other', INVESTIGATION: 'other',
  },
  defaultUnitKind: 'other',
});

export const BUILT_IN_MAPPINGS: Record<string, CallsMapping> = { 'sf-fire': SF_FIRE_MAPPING };

/** The built-in mapping of that name; own keys only, so `valueOf` or `__proto__` is no mapping. */
export function builtInMapping(name: string): CallsMapping | undefined {
  return Object.hasOwn(BUILT_IN_MAPPINGS, name) ? BUILT_IN_MAPPINGS[name] : undefined;
}

type Rule<T> = { pattern?: string | undefined; keywords?: string[] | undefined; to: T };

const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let r = compiled.get(pattern);
  if (!r) {
    r = new RegExp(pattern, 'i');
    compiled.set(pattern, r);
  }
  return r;
}

/**
 * A type or priority text -> its value: the exact code first (own keys only), then the rules in
 * order (a regular expression, or keywords any of which the text contains; case-insensitive),
 * else the default.
 */
export function classify<T>(exact: Record<string, T>, rules: readonly Rule<T>[], text: string, fallback: T): T {
  if (Object.hasOwn(exact, text)) return exact[text]!;
  const lower = text.toLowerCase();
  for (const r of rules) {
    if (r.pattern !== undefined ? regex(r.pattern).test(text) : (r.keywords ?? []).some((k) => lower.includes(k.toLowerCase()))) return r.to;
  }
  return fallback;
}
