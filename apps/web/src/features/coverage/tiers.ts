import type { CoverageTier } from '@firebreak/contracts';

/** Colours of the best reach tier: green within 1 minute, yellow 3, orange 5, red (loud) beyond. */
export const TIER_COLOR: Record<'1' | '3' | '5' | 'none', string> = { 1: '#2f9e44', 3: '#fab005', 5: '#f76707', none: '#e03131' };

/** Black or white, whichever reads better on a fill (WCAG contrast): white on these orange, green and red fills stays under 4.5:1. */
export function textOn(hex: string): 'black' | 'white' {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? 'black' : 'white';
}

export const tierKey = (tier: CoverageTier): keyof typeof TIER_COLOR => (tier === null ? 'none' : (String(tier) as '1' | '3' | '5'));

/** m:ss of a travel time, or an em dash when no unit reaches the place within the searched time. */
export function travelClock(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
