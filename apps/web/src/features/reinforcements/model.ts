import type { ReinforcementRequest, UnitKind } from '@firebreak/contracts';
import type { ShortfallSlot } from '../../api/types';

/**
 * What the request form starts with: the first slot short of a unit (earliest tier first) — its
 * kind and/or capability — and how many of that are missing in all.
 */
export function prefillFromShortfall(shortfall: readonly ShortfallSlot[]): { kind: UnitKind | null; capability: string | null; count: number } | null {
  const first = [...shortfall].sort((a, b) => a.tier - b.tier)[0];
  if (!first) return null;
  const count = shortfall.filter((s) => s.kind === first.kind && s.capability === first.capability).reduce((n, s) => n + s.missing, 0);
  return { kind: first.kind, capability: first.capability ?? null, count: Math.min(Math.max(count, 1), 20) };
}

/** A jurisdiction's name for a path the request mentions (the path itself only if the server named none). */
export const nameIn = (r: Pick<ReinforcementRequest, 'names'>, path: string | null): string => (path === null ? '' : r.names[path] ?? path);

/** Seconds the current level still has to answer (0 once due; null when nobody is asked). */
export function secondsLeft(r: Pick<ReinforcementRequest, 'answerDueAt'>, now: number): number | null {
  if (!r.answerDueAt) return null;
  return Math.max(0, Math.round((new Date(r.answerDueAt).getTime() - now) / 1000));
}

/** Open requests first (oldest first: the longest waiting), then the others, newest first. */
export function sortRequests(list: readonly ReinforcementRequest[]): ReinforcementRequest[] {
  const open = list.filter((r) => r.state === 'open').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const done = list.filter((r) => r.state !== 'open').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [...open, ...done];
}
