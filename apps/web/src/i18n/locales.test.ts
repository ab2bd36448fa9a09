import { ASSIGNMENT_STATES, INCIDENT_ORIGINS, INCIDENT_TYPES, PLACE_CATEGORIES, PRIORITIES, REPORT_BREAKDOWNS, RESPONSE_COMPONENTS, ROLES, UNIT_KINDS, UNIT_STATUSES } from '@firebreak/contracts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OVERLAYS } from '../map/overlays';
import enFirst from './locales/en.json';
import enScreens from './locales/en.screens.json';
import zh from './locales/zh-CN.json';

/** Every leaf key ("a.b.c") with its value. */
function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null) for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

// English comes in two parts (the first screen's, and the lazy screens' loaded with them); no key is in both.
const en = { ...enFirst, ...enScreens };
const enKeys = leaves(en);
const zhKeys = leaves(zh);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The files the first screen loads: what main.tsx imports statically, and on (lazy `import()`s are not followed). */
function firstScreenFiles(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)(?:[^;]*?\sfrom\s+)?'(\.[^']+)'/gm)) {
      const base = normalize(join(dirname(file), m[1]!));
      const found = ['.tsx', '.ts', '/index.ts'].map((ext) => base + ext).find((p) => { try { return statSync(p).isFile(); } catch { return false; } });
      if (found) stack.push(found);
    }
  }
  return [...seen];
}

describe('translations', () => {
  it('has every string the first screen uses in the bundled part of English', () => {
    const files = firstScreenFiles(join(import.meta.dirname, '..', 'main.tsx'));
    expect(files.length).toBeGreaterThan(20);
    const blocks = new Set<string>();
    for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*[`']([a-zA-Z0-9_]+)[.`'$]/g)) blocks.add(m[1]!);
    expect([...blocks].filter((b) => !(b in enFirst))).toEqual([]);
  });

  it('splits English between the first screen and the lazy screens without a block in both', () => {
    expect(Object.keys(enFirst).filter((k) => k in enScreens)).toEqual([]);
  });

  it('English and Simplified Chinese have exactly the same keys', () => {
    expect([...zhKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys.keys()].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('no value is empty, and interpolations match between the languages', () => {
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of enKeys) {
      expect(typeof value === 'string' && value.trim().length > 0, `en ${key}`).toBe(true);
      const other = zhKeys.get(key);
      expect(typeof other === 'string' && other.trim().length > 0, `zh-CN ${key}`).toBe(true);
      expect(vars(other as string), `placeholders of ${key}`).toEqual(vars(value as string));
    }
  });

  it('every literal key the code uses exists', () => {
    const used = new Set<string>();
    for (const file of sources(join(import.meta.dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/label: '([a-z]+\.[a-zA-Z.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\bt\(\s*\w+\s*\?\s*'([a-zA-Z0-9_.]+)'\s*:\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!).add(m[2]!);
    }
    expect(used.size).toBeGreaterThan(50);
    // A count key resolves through its plural forms (i18next: key_one, key_other).
    const exists = (k: string) => enKeys.has(k) || (enKeys.has(`${k}_one`) && enKeys.has(`${k}_other`));
    expect([...used].filter((k) => !exists(k))).toEqual([]);
  });

  it('every value of the enums the screens translate has a label', () => {
    const enums: [string, readonly string[]][] = [
      ['incidentType', INCIDENT_TYPES], ['unitStatus', UNIT_STATUSES], ['unitKind', UNIT_KINDS], ['placeCategory', PLACE_CATEGORIES],
      ['priority', PRIORITIES], ['roles', ROLES], ['assignmentState', ASSIGNMENT_STATES], ['map.overlay', OVERLAYS],
      ['connection', ['connecting', 'replaying', 'live', 'offline']], ['tiers', ['met', 'missed', 'late', 'running']], ['tiersShort', ['met', 'missed', 'late', 'running']],
      ['reports.interval', ['callToDispatch', 'dispatchToArrival', 'callToArrival']],
      ['responseReport.by', REPORT_BREAKDOWNS], ['responseReport.component', RESPONSE_COMPONENTS], ['responseReport.origin', INCIDENT_ORIGINS],
      ['hazards.grades', ['general', 'major']], ['hazards.states', ['open', 'rectifying', 'submitted', 'verified', 'closed']],
      ['assignments.step', ['acknowledge', 'en_route', 'on_scene', 'clear', 'cancel']], ['dispatch.source', ['avl', 'avl_stale', 'home']],
      ['campaigns.phase', ['upcoming', 'running', 'overdue', 'ended']], ['campaigns.status', ['pending', 'done', 'missed', 'all']],
      ['inspection.answer', ['pass', 'fail', 'na']], ['directives.state', ['delivered', 'acknowledged', 'reported']],
      ['directives.standing', ['late', 'done', 'inProgress', 'waiting']],
    ];
    const missing = enums.flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`)).filter((k) => !enKeys.has(k));
    expect(missing).toEqual([]);
  });
});
