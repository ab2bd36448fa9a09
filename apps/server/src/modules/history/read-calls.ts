import type { CallsImportSummary, IncidentType, Priority, UnitKind } from '@firebreak/contracts';
import { readCsv } from './csv.js';
import { readLocalTime, type TimeDoubt } from './local-time.js';
import { classify, type CallsMapping } from './mapping.js';

export interface ImportedResponse {
  unitLabel: string;
  unitType: string | null;
  /** Our unit kind for the export's unit type (the mapping's `unitKinds`), for reports by unit kind. */
  unitKind: UnitKind;
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
  /** Null when the export gives no place for the call: imported without one, kept off maps. */
  location: [lon: number, lat: number] | null;
  responses: ImportedResponse[];
  /** The export's jurisdiction cell (mapping `columns.jurisdiction`); null: the one imported into. */
  jurisdictionText: string | null;
  /** The lines of the call's rows, first first. */
  lines: number[];
  /** A time of the call or its units falls in an hour a DST change repeats or skips: kept out of percentiles. */
  timeDoubt: TimeDoubt | null;
  /** Set by an import with `relocate`: the source it was placed away from (its place is a draw of the jurisdiction's demand). */
  relocatedFrom?: string;
}

export type RejectedRow = CallsImportSummary['rejected'][number];

export interface ReadCalls {
  calls: ImportedCall[];
  rows: number;
  /** Rows left out, with the line they start on and why; a call with a rejected row is left out whole. */
  rejected: RejectedRow[];
  /** Calls left out whole. */
  rejectedCalls: number;
}

/** The header lacks a mapped column, or the file is not CSV: nothing can be imported. */
export class CallsFileError extends Error {}

const LAT_LON = /^\(?\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)?$/;

/** The call's point; null when the export has none for it; 'unreadable' when there is text that is no point. */
function locationOf(get: (c: string | undefined) => string, m: CallsMapping): [number, number] | null | 'unreadable' {
  let lat: number;
  let lon: number;
  if (m.columns.location !== undefined) {
    const text = get(m.columns.location);
    if (text === '') return null;
    const match = LAT_LON.exec(text);
    if (!match) return 'unreadable';
    [lat, lon] = [Number(match[1]), Number(match[2])];
  } else if (m.columns.latitude !== undefined && m.columns.longitude !== undefined) {
    const [latText, lonText] = [get(m.columns.latitude), get(m.columns.longitude)];
    if (latText === '' && lonText === '') return null;
    [lat, lon] = [Number(latText), Number(lonText)];
  } else {
    return null;
  }
  // 0, 0 is what many exports write for "no place": read as none rather than a point off Africa.
  if (lat === 0 && lon === 0) return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return 'unreadable';
  return [lon, lat];
}

/**
 * Reads a CAD export (one row per unit per call, or one row per call) into calls with their units'
 * timing chains, in the order calls first appear. The call's own fields come from its first row.
 * Cells holding a null token (`NULL`, `N/A`, … — the mapping's `nullTokens`) are empty. A row that
 * cannot be read takes its whole call with it: a call is imported with all its units or not at all,
 * so a cleaned file can be imported later without finding half of a call there already.
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

  const nulls = new Set(['', ...m.nullTokens.map((t) => t.toLowerCase())]);
  const byRef = new Map<string, ImportedCall>();
  const linesOf = new Map<string, number[]>();
  const badRefs = new Map<string, number>();
  const rejected: RejectedRow[] = [];
  let count = 0;
  const reject = (line: number, code: RejectedRow['code'], reason: string, callId: string | null) => {
    rejected.push({ line, code, reason, callId });
    if (callId !== null && !badRefs.has(callId)) badRefs.set(callId, line);
  };
  for (const { line, fields } of records.slice(1)) {
    count++;
    const get = (c: string | undefined) => {
      const v = c === undefined ? '' : (fields[index.get(c)!] ?? '').trim();
      return nulls.has(v.toLowerCase()) ? '' : v;
    };
    let doubt: TimeDoubt | null = null;
    const time = (column: string | undefined): Date | null | undefined => {
      const raw = get(column);
      if (raw === '') return null;
      const read = readLocalTime(raw, m.timeFormat, m.timeZone);
      if (!read) return undefined;
      doubt ??= read.doubt;
      return read.at;
    };
    const ref = get(m.columns.callId);
    if (!ref) { reject(line, 'no_call_number', `no ${m.columns.callId}`, null); continue; }
    linesOf.set(ref, [...(linesOf.get(ref) ?? []), line]);
    let call = byRef.get(ref);
    if (!call) {
      const receivedAt = time(m.columns.receivedAt);
      if (!receivedAt) { reject(line, 'unreadable_time', `${m.columns.receivedAt} "${get(m.columns.receivedAt)}" is not ${m.timeFormat}`, ref); continue; }
      const location = locationOf(get, m);
      if (location === 'unreadable') { reject(line, 'unreadable_location', 'the location is not a readable point', ref); continue; }
      call = {
        externalRef: ref,
        receivedAt,
        type: classify(m.types, m.typeRules, get(m.columns.type), m.defaultType),
        typeText: get(m.columns.type),
        priority: classify(m.priorities, m.priorityRules, get(m.columns.priority), m.defaultPriority),
        address: get(m.columns.address) || null,
        location,
        responses: [],
        jurisdictionText: get(m.columns.jurisdiction) || null,
        lines: [],
        timeDoubt: doubt,
      };
      byRef.set(ref, call);
    }
    call.lines.push(line);
    const unitLabel = get(m.columns.unit);
    if (!unitLabel) continue;
    const times = {} as Record<'dispatchedAt' | 'respondedAt' | 'onSceneAt' | 'clearedAt', Date | null>;
    let bad: string | null = null;
    for (const k of ['dispatchedAt', 'respondedAt', 'onSceneAt', 'clearedAt'] as const) {
      const at = time(m.columns[k]);
      if (at === undefined) bad ??= `${m.columns[k]} "${get(m.columns[k])}" is not ${m.timeFormat}`;
      times[k] = at ?? null;
    }
    if (bad) { reject(line, 'unreadable_time', bad, ref); continue; }
    call.timeDoubt ??= doubt;
    const seq = Number.parseInt(get(m.columns.sequence), 10);
    const unitType = get(m.columns.unitType) || null;
    const unitKind = classify(m.unitKinds, m.unitKindRules, unitType ?? '', m.defaultUnitKind);
    call.responses.push({ unitLabel, unitType, unitKind, sequence: Number.isFinite(seq) ? seq : null, ...times });
  }
  // A call with a rejected row is left out whole; its other rows are named too.
  const rejectedLines = new Set(rejected.map((r) => r.line));
  for (const [ref, firstBad] of badRefs) {
    byRef.delete(ref);
    for (const line of linesOf.get(ref) ?? []) {
      if (!rejectedLines.has(line)) rejected.push({ line, code: 'call_has_rejected_row', reason: `call ${ref} has a rejected row (line ${firstBad})`, callId: ref });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return { calls: [...byRef.values()], rows: count, rejected, rejectedCalls: badRefs.size };
}

/**
 * Leaves out the calls `reasonOf` names a reason for (after reading: e.g. a jurisdiction cell that
 * names none), their first line with that reason, the others as `call_has_rejected_row`.
 */
export function dropCalls(read: ReadCalls, reasonOf: (c: ImportedCall) => { code: RejectedRow['code']; reason: string } | null): ReadCalls {
  const kept: ImportedCall[] = [];
  const rejected = [...read.rejected];
  let dropped = 0;
  for (const c of read.calls) {
    const why = reasonOf(c);
    if (!why) { kept.push(c); continue; }
    dropped++;
    c.lines.forEach((line, i) => rejected.push(i === 0
      ? { line, code: why.code, reason: why.reason, callId: c.externalRef }
      : { line, code: 'call_has_rejected_row', reason: `call ${c.externalRef} has a rejected row (line ${c.lines[0]})`, callId: c.externalRef }));
  }
  if (dropped === 0) return read;
  rejected.sort((a, b) => a.line - b.line);
  return { ...read, calls: kept, rejected, rejectedCalls: read.rejectedCalls + dropped };
}
