import { BoundaryFileError, type RawFeature } from './types.js';

/** Which attributes hold what: the agency's own column names. */
export interface FieldMapping {
  nameField: string;
  codeField: string;
  parentField?: string | undefined;
  levelField?: string | undefined;
}

export interface MappedFeature {
  index: number;
  code: string;
  name: string;
  /** The parent's code in the file, a stored jurisdiction's code or path; null: the default parent. */
  parentRef: string | null;
  level: string | null;
}

export interface Rejection {
  index: number;
  code: string | null;
  name: string | null;
  reason: string;
}

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : JSON.stringify(v)).replace(/^\uFEFF/, '').trim();
  return s === '' ? null : s;
};

/**
 * The attribute name as the file spells it: exact, else the one equal ignoring case (DBF field
 * names are often upper-case). A mapping to a field the file lacks is refused naming those it has.
 */
function fieldIn(features: RawFeature[], wanted: string, option: 'nameField' | 'codeField' | 'parentField' | 'levelField'): string {
  const keys = new Set(features.flatMap((f) => Object.keys(f.properties)));
  if (keys.has(wanted)) return wanted;
  const loose = [...keys].filter((k) => k.toLowerCase() === wanted.toLowerCase());
  if (loose.length === 1) return loose[0]!;
  const flag = `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  throw new BoundaryFileError(`${flag} ${wanted}: the file has no such attribute (it has ${[...keys].join(', ') || 'none'})`, option);
}

/** Reads name, code, parent and level of each feature; missing values and repeated codes are per-feature rejections. */
export function mapFeatures(features: RawFeature[], mapping: FieldMapping): { mapped: MappedFeature[]; rejected: Rejection[] } {
  if (features.length === 0) return { mapped: [], rejected: [] };
  const nameKey = fieldIn(features, mapping.nameField, 'nameField');
  const codeKey = fieldIn(features, mapping.codeField, 'codeField');
  const parentKey = mapping.parentField ? fieldIn(features, mapping.parentField, 'parentField') : null;
  const levelKey = mapping.levelField ? fieldIn(features, mapping.levelField, 'levelField') : null;
  const mapped: MappedFeature[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  for (const f of features) {
    const code = text(f.properties[codeKey]);
    const name = text(f.properties[nameKey]);
    const base = { index: f.index, code, name };
    if (code === null) rejected.push({ ...base, reason: `no code (attribute ${codeKey} is empty)` });
    else if (name === null) rejected.push({ ...base, reason: `no name (attribute ${nameKey} is empty)` });
    else if (name.length > 200) rejected.push({ ...base, reason: `the name is longer than 200 characters` });
    else if (seen.has(code)) rejected.push({ ...base, reason: `code ${code} is also feature ${seen.get(code)}'s: codes must be unique in the file` });
    else {
      seen.set(code, f.index);
      mapped.push({ index: f.index, code, name, parentRef: parentKey ? text(f.properties[parentKey]) : null, level: levelKey ? text(f.properties[levelKey]) : null });
    }
  }
  return { mapped, rejected };
}

/**
 * Orders features so that each comes after its parent in the file (parents first, Kahn's
 * algorithm, file order among equals). Features on a cycle of parent codes, and those below one,
 * cannot be placed: they come back with the cycle named.
 */
export function orderByParent<T extends { code: string; parentRef: string | null }>(items: T[]): { order: T[]; blocked: { item: T; reason: string }[] } {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const inFileParent = (i: T): T | undefined => (i.parentRef !== null && i.parentRef !== i.code ? byCode.get(i.parentRef) : undefined);
  const children = new Map<string, T[]>();
  for (const i of items) {
    const p = inFileParent(i);
    if (p) children.set(p.code, [...(children.get(p.code) ?? []), i]);
  }
  const order: T[] = [];
  const queue = items.filter((i) => !inFileParent(i) && i.parentRef !== i.code);
  while (queue.length > 0) {
    const next = queue.shift()!;
    order.push(next);
    queue.push(...(children.get(next.code) ?? []));
  }
  const placed = new Set(order.map((i) => i.code));
  const blocked: { item: T; reason: string }[] = [];
  for (const i of items) {
    if (placed.has(i.code)) continue;
    // Walk up the parent codes until one repeats: that loop is the cycle this feature is on or below.
    const walk: string[] = [];
    let at: T | undefined = i;
    while (at && !walk.includes(at.code)) {
      walk.push(at.code);
      at = at.parentRef === at.code ? at : inFileParent(at);
    }
    const loop = at ? walk.slice(walk.indexOf(at.code)) : [];
    const cycle = [...loop, loop[0]].join(' → ');
    blocked.push({ item: i, reason: loop.includes(i.code) ? `parent codes form a cycle: ${cycle}` : `its parent lies on a cycle of parent codes: ${cycle}` });
  }
  return { order, blocked };
}
