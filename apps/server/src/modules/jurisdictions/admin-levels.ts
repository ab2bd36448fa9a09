/**
 * Which OSM `admin_level`s become which of the organisation's configured levels (pure).
 *
 * OSM numbers administrative areas 2 (country) to 11, but each country uses its own subset:
 * China's prefecture-level cities are 5 and counties 6, Germany's municipalities are 8, Andorra's
 * parishes 7. A preset lists a country's admin_levels by importance; the import takes as many of
 * them as it has levels to fill, and lays them onto the configured levels in order, shallowest first.
 * The deepest configured level is left to the agency's own areas (police-station areas are
 * never in OSM) unless `--levels` says otherwise.
 */

/** Every admin_level OSM defines: the reader takes them all, so none is dropped unseen. */
export const ALL_ADMIN_LEVELS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;

/** Per country (ISO 3166-1 alpha-2, lower case): admin_levels, most important first. */
export const ADMIN_LEVEL_PRESETS: Readonly<Record<string, readonly number[]>> = {
  // country, province, county/district, prefecture-level city, township
  cn: [2, 4, 6, 5, 8],
  // country, state, city/town, county
  us: [2, 4, 8, 6],
  // country, Land, Gemeinde, Kreis, Regierungsbezirk
  de: [2, 4, 8, 6, 5],
  // country, Bundesland, Gemeinde, Bezirk
  at: [2, 4, 8, 6],
  // country, canton, commune, district
  ch: [2, 4, 8, 6],
  // country, région / comunidad autónoma, commune / municipio, département / provincia, arrondissement / comarca
  fr: [2, 4, 8, 6, 7],
  es: [2, 4, 8, 6, 7],
  // country, parish (7), then 8 where tagged: the "2/7/8" countries
  ad: [2, 7, 8],
  // country, Gemeinde (8), Wahlkreis (6)
  li: [2, 8, 6],
};

export interface AdminLevelMapping {
  /** admin_level → configured level key. */
  byAdminLevel: Map<number, string>;
  /** How it was chosen, for the import summary. */
  source: string;
}

export interface UnmappedLevel {
  adminLevel: number;
  count: number;
  /** Up to five of their names, to recognise them by. */
  names: string[];
}

/**
 * Parses `--levels 2:national,4:province,…` against the configured levels. Deeper admin_levels
 * must map to deeper levels: a child is always deeper than its parent.
 */
export function parseLevelsOption(text: string, levels: readonly string[]): Map<number, string> {
  const pairs: [number, string][] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{1,2}):([a-z][a-z0-9_]*)$/.exec(part);
    if (!m) throw new Error(`--levels: "${part}" is not admin_level:level (e.g. 4:${levels[1] ?? levels[0]})`);
    const adminLevel = Number(m[1]);
    if (!(ALL_ADMIN_LEVELS as readonly number[]).includes(adminLevel)) throw new Error(`--levels: admin_level ${adminLevel} is not one OSM uses (2-11)`);
    if (!levels.includes(m[2]!)) throw new Error(`--levels: "${m[2]}" is not a configured level (FIREBREAK_LEVELS: ${levels.join(', ')})`);
    if (pairs.some(([a]) => a === adminLevel)) throw new Error(`--levels: admin_level ${adminLevel} is given twice`);
    pairs.push([adminLevel, m[2]!]);
  }
  if (pairs.length === 0) throw new Error('--levels: empty; give admin_level:level pairs, e.g. 2:national');
  pairs.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < pairs.length; i++) {
    const [upper, lower] = [pairs[i - 1]!, pairs[i]!];
    if (levels.indexOf(lower[1]) <= levels.indexOf(upper[1])) {
      throw new Error(`--levels: admin_level ${lower[0]} (${lower[1]}) must map to a level deeper than admin_level ${upper[0]} (${upper[1]}): a child sits below its parent`);
    }
  }
  return new Map(pairs);
}

/**
 * The mapping for an import: the override if given; else the country's preset; else (an unknown
 * country) the admin_levels present in the file, lowest first, onto the levels in order.
 *
 * When `present` is known, a preset's admin_levels the file lacks take no level (a city's extract
 * has no states: its county and city boundaries must not be crowded out by them), and a file
 * without a national boundary (admin_level 2) leaves the first level to the root made from the
 * extract's area (extract-root.ts), so its boundaries start at the second.
 */
export function mapAdminLevels(opts: { levels: readonly string[]; countryCode?: string | undefined; present: readonly number[]; override?: Map<number, string> | undefined }): AdminLevelMapping {
  if (opts.override) return { byAdminLevel: new Map(opts.override), source: '--levels' };
  const known = opts.present.length > 0;
  const offset = known && !opts.present.includes(2) ? 1 : 0;
  const slots = Math.max(1, opts.levels.length - 1) - offset;
  const preset = opts.countryCode ? ADMIN_LEVEL_PRESETS[opts.countryCode.toLowerCase()] : undefined;
  const candidates = preset ? preset.filter((a) => !known || opts.present.includes(a)) : [...new Set(opts.present)].sort((a, b) => a - b);
  const chosen = candidates.slice(0, Math.max(0, slots));
  const byAdminLevel = new Map([...chosen].sort((a, b) => a - b).map((adminLevel, i) => [adminLevel, opts.levels[i + offset]!] as const));
  const rootNote = offset ? '; no national boundary: the root is made from the extract' : '';
  return { byAdminLevel, source: `${preset ? `preset ${opts.countryCode!.toLowerCase()}` : 'the admin_levels in the file, lowest first'}${rootNote}` };
}

/** The admin_levels in the file that the mapping leaves out, with how many boundaries each has. */
export function unmappedLevels(boundaries: readonly { adminLevel: number; name: string }[], mapping: AdminLevelMapping): UnmappedLevel[] {
  const by = new Map<number, string[]>();
  for (const b of boundaries) {
    if (mapping.byAdminLevel.has(b.adminLevel)) continue;
    by.set(b.adminLevel, [...(by.get(b.adminLevel) ?? []), b.name]);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([adminLevel, names]) => ({ adminLevel, count: names.length, names: [...new Set(names)].sort().slice(0, 5) }));
}

/** One line per level, for the CLI: "2 → national, 6 → region, 8 → municipality (preset li)". */
export function describeMapping(mapping: AdminLevelMapping): string {
  const pairs = [...mapping.byAdminLevel.entries()].map(([a, l]) => `${a} → ${l}`);
  return `${pairs.join(', ') || '(none)'} (${mapping.source})`;
}
