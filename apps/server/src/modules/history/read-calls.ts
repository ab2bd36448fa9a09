import type { IncidentType, Priority } from '@firebreak/contracts';
import { readCsv } from './csv.js';
import { localTime } from './local-time.js';
import type { CallsMapping } from './mapping.js';

export interface ImportedResponse {
  unitLabel: string;
  unitType: string | null;
  sequence: number | null;
  dispatchedAt: Date | null;
  respondedAt: Date | null;
  onSceneAt: Date | null;
  clearedAt: Date | null;
}

export interface ImportedCall {
  externalRef: string;
  receivedAt: Date;
  type: IncidentType;
  /** The call type as the export wrote it, kept as the narrative. */
  typeText: string;
  priority: Priority;
  address: string | null;
  location: [lon: number, lat: number];
  responses: ImportedResponse[];
}

export interface ReadCalls {
  calls: ImportedCall[];
  rows: number;
  /** Rows left out, with the line they start on and why. */
  rejected: { line: number; reason: string }[];
}

/** The header lacks a mapped column, or the file is not CSV: nothing can be imported. */
export class CallsFileError extends Error {}

const LAT_LON = /^\(?\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)?$/;

function locationOf(get: (c: string | undefined) => string, m: CallsMapping): [number, number] | null {
  let lat: number;
  let lon: number;
  if (m.columns.location !== undefined) {
    const match = LAT_LON.exec(get(m.columns.location));
    if (!match) return null;
    [lat, lon] = [Number(match[1]), Number(match[2])];
  } else {
    [lat, lon] = [Number(get(m.columns.latitude)), Number(get(m.columns.longitude))];
  }
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null;
  return [lon, lat];
}

/**
 * Reads a CAD export (one row per unit per call) into calls with their units' timing chains,
 * in the order calls first appear. The call's own fields come from its first row.
 */
export function readCalls(text: string, m: CallsMapping): ReadCalls {
  let records: { line: number; fields: string[] }[];
  try {
    records = readCsv(text);
  } catch (err) {
    throw new CallsFileError(`not readable as CSV: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (records.length === 0) throw new CallsFileError('the file is empty');
  const header = records[0]!.fields.map((h) => h.trim());
  const index = new Map(header.map((h, i) => [h, i]));
  const missing = Object.values(m.columns).filter((c) => c !== undefined && !index.has(c));
  if (missing.length > 0) throw new CallsFileError(`the header has no column ${missing.map((c) => `"${c}"`).join(', ')} (mapping ${m.name})`);

  const byRef = new Map<string, ImportedCall>();
  const rejected: ReadCalls['rejected'] = [];
  let count = 0;
  const time = (text: string) => (text.trim() === '' ? null : localTime(text, m.timeFormat, m.timeZone));
  for (const { line, fields } of records.slice(1)) {
    count++;
    const get = (c: string | undefined) => (c === undefined ? '' : (fields[index.get(c)!] ?? '').trim());
    const ref = get(m.columns.callId);
    if (!ref) { rejected.push({ line, reason: `no ${m.columns.callId}` }); continue; }
    let call = byRef.get(ref);
    if (!call) {
      const receivedAt = time(get(m.columns.receivedAt));
      if (!receivedAt) { rejected.push({ line, reason: `${m.columns.receivedAt} "${get(m.columns.receivedAt)}" is not ${m.timeFormat}` }); continue; }
      const location = locationOf(get, m);
      if (!location) { rejected.push({ line, reason: 'no readable location' }); continue; }
      call = {
        externalRef: ref,
        receivedAt,
        type: m.types[get(m.columns.type)] ?? m.defaultType,
        typeText: get(m.columns.type),
        priority: m.priorities[get(m.columns.priority)] ?? m.defaultPriority,
        address: get(m.columns.address) || null,
        location,
        responses: [],
      };
      byRef.set(ref, call);
    }
    const unitLabel = get(m.columns.unit);
    if (!unitLabel) continue;
    const times = {} as Record<'dispatchedAt' | 'respondedAt' | 'onSceneAt' | 'clearedAt', Date | null>;
    let bad: string | null = null;
    for (const k of ['dispatchedAt', 'respondedAt', 'onSceneAt', 'clearedAt'] as const) {
      const raw = get(m.columns[k]);
      times[k] = time(raw);
      if (raw !== '' && times[k] === null) bad = `${m.columns[k]} "${raw}" is not ${m.timeFormat}`;
    }
    if (bad) { rejected.push({ line, reason: bad }); continue; }
    const seq = Number.parseInt(get(m.columns.sequence), 10);
    call.responses.push({ unitLabel, unitType: get(m.columns.unitType) || null, sequence: Number.isFinite(seq) ? seq : null, ...times });
  }
  return { calls: [...byRef.values()], rows: count, rejected };
}
