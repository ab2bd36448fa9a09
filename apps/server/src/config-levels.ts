import { BUILT_IN_LEVEL_NAMES, DEFAULT_JURISDICTION_LEVELS, LEVEL_KEY_PATTERN, MAX_LEVELS, MIN_LEVELS, type LevelInfo, type LevelNames } from '@firebreak/contracts';

/**
 * The organisation's levels (FIREBREAK_LEVELS, FIREBREAK_LEVEL_NAMES). Beside config.ts so that
 * a value's every problem is reported at once, and pure so tests need no environment.
 */
export interface LevelConfig {
  /** Level keys, root first: a jurisdiction at depth d (1 = the root) is usually at keys[d-1], never shallower than its parent. */
  keys: string[];
  /** The same levels with their depth and display names in every language of the web app. */
  info: LevelInfo[];
}

export const DEFAULT_LEVEL_CONFIG: LevelConfig = levelConfig([...DEFAULT_JURISDICTION_LEVELS], {});

function levelConfig(keys: string[], names: Record<string, LevelNames>): LevelConfig {
  return { keys, info: keys.map((key, i) => ({ key, depth: i + 1, names: names[key] ?? BUILT_IN_LEVEL_NAMES[key]! })) };
}

/** Position of a level in the hierarchy (0 = the root's level), or -1 when it is not configured. */
export function levelIndex(levels: LevelConfig, key: string): number {
  return levels.keys.indexOf(key);
}

/**
 * Parses `FIREBREAK_LEVELS` (`national,province,city,district,station`) and
 * `FIREBREAK_LEVEL_NAMES` (`district=District|区县,station=Police station|派出所`: English, then
 * Simplified Chinese). A key without a built-in name must be named: the web app never shows keys.
 */
export function parseLevels(levelsText: string | undefined, namesText: string | undefined): { levels: LevelConfig; problems: [] } | { levels?: undefined; problems: string[] } {
  const problems: string[] = [];
  const keys = levelsText === undefined ? [...DEFAULT_JURISDICTION_LEVELS] : levelsText.split(',').map((k) => k.trim()).filter(Boolean);
  for (const k of keys) if (!LEVEL_KEY_PATTERN.test(k)) problems.push(`FIREBREAK_LEVELS: "${k}" is not a level key (lower-case letters, digits and _, starting with a letter, at most 32)`);
  const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (repeated.length > 0) problems.push(`FIREBREAK_LEVELS: ${[...new Set(repeated)].join(', ')} listed more than once`);
  if (keys.length < MIN_LEVELS || keys.length > MAX_LEVELS) problems.push(`FIREBREAK_LEVELS: ${keys.length} level(s); a hierarchy has ${MIN_LEVELS} to ${MAX_LEVELS}`);

  const names: Record<string, LevelNames> = {};
  for (const entry of (namesText ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const m = /^([^=]+)=([^|]+)\|(.+)$/.exec(entry);
    if (!m) {
      problems.push(`FIREBREAK_LEVEL_NAMES: "${entry}" is not key=English name|中文名称`);
      continue;
    }
    const key = m[1]!.trim();
    if (!keys.includes(key)) problems.push(`FIREBREAK_LEVEL_NAMES: "${key}" is not one of FIREBREAK_LEVELS (${keys.join(', ')})`);
    else names[key] = { en: m[2]!.trim(), 'zh-CN': m[3]!.trim() };
  }
  const unnamed = keys.filter((k) => LEVEL_KEY_PATTERN.test(k) && !names[k] && !BUILT_IN_LEVEL_NAMES[k]);
  if (unnamed.length > 0) {
    problems.push(`FIREBREAK_LEVEL_NAMES: name ${unnamed.join(', ')} (e.g. ${unnamed[0]}=English name|中文名称); built-in names exist for ${Object.keys(BUILT_IN_LEVEL_NAMES).join(', ')}`);
  }
  return problems.length > 0 ? { problems } : { levels: levelConfig(keys, names), problems: [] };
}
