import { levelIndex, type LevelConfig } from '../../config-levels.js';

/**
 * Why a jurisdiction may not have `level` under a parent at `parentLevel` (null: not checked), or
 * null when it may (pure). A child sits deeper than its parent, and may skip levels: a station
 * straight under a city that has no districts.
 */
export function levelProblem(levels: LevelConfig, level: string, parentLevel: string | null): string | null {
  const at = levelIndex(levels, level);
  if (at < 0) return `"${level}" is not one of the configured levels (${levels.keys.join(', ')})`;
  if (parentLevel === null) return null;
  const parentAt = levelIndex(levels, parentLevel);
  if (at <= parentAt) {
    const deeper = levels.keys.slice(parentAt + 1);
    return `must be deeper than the parent's level "${parentLevel}": ${deeper.length > 0 ? `one of ${deeper.join(', ')}` : 'nothing is deeper, so it can have no children'}`;
  }
  return null;
}
