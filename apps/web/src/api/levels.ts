import type { Schemas } from '@firebreak/client';
import { useQuery } from '@tanstack/react-query';
import { call, fb } from './http';

export type LevelInfo = Schemas['LevelInfo'];

/**
 * The organisation's levels (FIREBREAK_LEVELS on the server), root first, with their names in
 * each language. They are configuration: fixed while the server runs, so fetched once.
 */
export const useLevels = () => useQuery({ queryKey: ['jurisdiction-levels'], queryFn: () => call(fb.GET('/api/v1/jurisdictions/levels')), staleTime: Infinity });

/** A level's display name in the UI language (Chinese for any zh-*, else English); null until the levels are known, never the raw key. */
export function levelName(levels: readonly LevelInfo[] | undefined, key: string, language: string): string | null {
  const level = levels?.find((l) => l.key === key);
  if (!level) return null;
  return language.toLowerCase().startsWith('zh') ? level.names['zh-CN'] : level.names.en;
}
