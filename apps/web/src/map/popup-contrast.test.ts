import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('the unit pop-up on the map', () => {
  it('reads at 4.5:1 or better (WCAG AA): the colours styles.css gives .fb-popup', () => {
    const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
    const rule = /\.fb-popup \.maplibregl-popup-content \{([^}]*)\}/.exec(css)?.[1] ?? '';
    const background = /background:\s*(#[0-9a-f]{6})/i.exec(rule)?.[1];
    const color = /[^-]color:\s*(#[0-9a-f]{6})/i.exec(rule)?.[1];
    expect(background).toBeDefined();
    expect(color).toBeDefined();
    expect(contrast(color!, background!)).toBeGreaterThanOrEqual(4.5);
    // MapLibre's own white box under the dark theme's light text, which it replaces, did not.
    expect(contrast('#c9c9c9', '#ffffff')).toBeLessThan(4.5);
  });
});
