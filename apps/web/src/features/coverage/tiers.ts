import type { CoverageTier } from '@firebreak/contracts';

/** Colours of the best reach tier: green within 1 minute, yellow 3, orange 5, red (loud) beyond. */
export const TIER_COLOR: Record<'1' | '3' | '5' | 'none', string> = { 1: '#2f9e44', 3: '#fab005', 5: '#f76707', none: '#e03131' };

export const tierKey = (tier: CoverageTier): keyof typeof TIER_COLOR => (tier === null ? 'none' : (String(tier) as '1' | '3' | '5'));

/** m:ss of a travel time, or an em dash when no unit reaches the place within the searched time. */
export function travelClock(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
