import { readCsv } from '../history/index.js';
import { OnboardFileError } from './decode.js';

/** One row of the file: its cells by column name (empty cells left out), and a GeoJSON feature's own geometry. */
export interface FileRow {
  row: number;
  values: Record<string, string>;
  /** A GeoJSON feature's geometry when it is not a point (a point becomes `lon` / `lat`). */
  geometry?: unknown;
}

/** The columns a kind of file has: those it must have, and those it may have. */
export interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
  /** GeoJSON accepted (places and stations: points or outlines). */
  geojson: boolean;
}

/** How the file's own columns map onto ours (for a file made for something else, like an official school list). */
export interface ColumnOptions {
  /** Our column ← the file's column, e.g. `{ name: 'program_name_short' }`. */
  map?: Record<string, string>;
  /** A value for every row, e.g. `{ category: 'school' }`; it wins over a file column of that name. */
  set?: Record<string, string>;
  /** Columns we do not know are left alone instead of refusing the file. */
  ignoreExtra?: boolean;
}

/** Common spellings of the coordinate columns (GIS exports say x/y, spreadsheets longitude/latitude). */
const ALIASES: Record<string, string> = { longitude: 'lon', lng: 'lon', long: 'lon', x: 'lon', geom_lon: 'lon', latitude: 'lat', y: 'lat', geom_lat: 'lat' };

export const normalizeColumn = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Reads a CSV or GeoJSON text into rows of our columns. The extension says which it is, and the
 * content must agree (a `.csv` holding JSON is refused, so is a `.geojson` that is not JSON). A
 * file whose columns do not fit is refused whole, naming the missing and the unknown ones.
 */
export function readRows(text: string, fileName: string, spec: ColumnSpec, opts: ColumnOptions = {}): FileRow[] {
  const format = formatOf(text, fileName, spec);
  const raw = format === 'csv' ? csvRows(text) : geojsonRows(text);
  const fileColumns = new Set(raw.columns);
  // Which file column feeds each of ours: mapped, or the same name (or an alias of it).
  const known = new Set([...spec.required, ...spec.optional]);
  const source = new Map<string, string>();
  for (const [ours, theirs] of Object.entries(opts.map ?? {})) {
    const t = normalizeColumn(theirs);
    if (!known.has(ours)) throw new OnboardFileError(`--map ${ours}=${theirs}: there is no column ${ours} (the columns are ${[...known].join(', ')})`);
    if (!fileColumns.has(t)) throw new OnboardFileError(`--map ${ours}=${theirs}: the file has no column ${theirs}`);
    source.set(ours, t);
  }
  const mappedAway = new Set(source.values());
  for (const c of fileColumns) {
    const ours = known.has(c) ? c : ALIASES[c];
    if (ours && known.has(ours) && !source.has(ours) && !mappedAway.has(c)) source.set(ours, c);
  }
  const set = Object.fromEntries(Object.entries(opts.set ?? {}).map(([k, v]) => [normalizeColumn(k), v]));
  for (const k of Object.keys(set)) if (!known.has(k)) throw new OnboardFileError(`--set ${k}: there is no column ${k} (the columns are ${[...known].join(', ')})`);
  const used = new Set([...source.entries()].filter(([ours]) => !(ours in set)).map(([, c]) => c));
  const unknown = [...fileColumns].filter((c) => !used.has(c) && !mappedAway.has(c) && !(known.has(c) && c in set));
  const hasGeometry = raw.rows.some((r) => r.geometry !== undefined);
  const missing = spec.required.filter((c) => !source.has(c) && !(c in set) && !(hasGeometry && (c === 'lon' || c === 'lat')));
  const problems = [
    ...(missing.length > 0 ? [`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`] : []),
    ...(unknown.length > 0 && !opts.ignoreExtra ? [`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (map them with --map ours=theirs, or pass --ignore-extra)`] : []),
  ];
  if (problems.length > 0) throw new OnboardFileError(`${problems.join('; ')}. The columns are: ${spec.required.join(', ')} (required); ${spec.optional.join(', ')} (optional)`);
  return raw.rows.map((r) => {
    const values: Record<string, string> = {};
    for (const [ours, c] of source) {
      const v = r.values[c]?.trim();
      if (v) values[ours] = v;
    }
    Object.assign(values, set);
    return { row: r.row, values, ...(r.geometry !== undefined ? { geometry: r.geometry } : {}) };
  });
}

function formatOf(text: string, fileName: string, spec: ColumnSpec): 'csv' | 'geojson' {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const looksJson = /^\s*[[{]/.test(text);
  if (ext === 'geojson' || ext === 'json') {
    if (!spec.geojson) throw new OnboardFileError(`this kind of file is read from CSV only, not ${ext.toUpperCase()}`);
    if (!looksJson) throw new OnboardFileError(`the file is named .${ext} but does not hold JSON`);
    return 'geojson';
  }
  if (looksJson) {
    if (ext === 'csv' || ext === 'txt') throw new OnboardFileError(`the file is named .${ext} but holds JSON; name it .geojson if it is GeoJSON`);
    if (!spec.geojson) throw new OnboardFileError('the file holds JSON; this kind of file is read from CSV only');
    return 'geojson';
  }
  if (ext !== '' && ext !== 'csv' && ext !== 'txt') throw new OnboardFileError(`a .${ext} file cannot be read: give a CSV${spec.geojson ? ' or GeoJSON' : ''} file`);
  return 'csv';
}

interface RawRows {
  columns: string[];
  rows: { row: number; values: Record<string, string>; geometry?: unknown }[];
}

function csvRows(text: string): RawRows {
  let records: ReturnType<typeof readCsv>;
  try {
    records = readCsv(text);
  } catch (err) {
    throw new OnboardFileError(`the CSV cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const [header, ...body] = records;
  if (!header) throw new OnboardFileError('the file is empty');
  const columns = header.fields.map(normalizeColumn);
  const dup = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dup !== undefined) throw new OnboardFileError(`the column ${dup} appears twice in the header`);
  return {
    columns: columns.filter((c) => c !== ''),
    rows: body.map((r) => ({ row: r.line, values: Object.fromEntries(columns.map((c, i) => [c, r.fields[i] ?? ''])) })),
  };
}

function geojsonRows(text: string): RawRows {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new OnboardFileError(`the GeoJSON cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new OnboardFileError('the GeoJSON is not a FeatureCollection');
  const columns = new Set<string>();
  const rows = (fc.features as { properties?: Record<string, unknown> | null; geometry?: { type?: string; coordinates?: unknown } | null }[]).map((f, i) => {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const c = normalizeColumn(k);
      columns.add(c);
      if (v !== null && v !== undefined) values[c] = typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    const g = f.geometry;
    if (g?.type === 'Point' && Array.isArray(g.coordinates)) {
      values.lon = String(g.coordinates[0]);
      values.lat = String(g.coordinates[1]);
      return { row: i + 1, values };
    }
    return { row: i + 1, values, ...(g ? { geometry: g } : {}) };
  });
  if (rows.some((r) => 'lon' in r.values)) columns.add('lon').add('lat');
  return { columns: [...columns], rows };
}

/** `key=value,key=value` of --map and --set (query `map` and `set`). */
export function parsePairs(option: string, value: string | undefined): Record<string, string> {
  if (value === undefined) return {};
  return Object.fromEntries(value.split(',').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new OnboardFileError(`${option}: ${pair} is not column=value`);
    return [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
  }));
}
