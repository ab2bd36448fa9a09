import { describe, expect, it } from 'vitest';
import { slugLabel } from './slug.js';

describe('slugLabel', () => {
  it('folds accents and punctuation into ltree-safe labels', () => {
    expect(slugLabel('Wahlkreis Oberland', 'x')).toBe('oberland');
    expect(slugLabel('Vaduz (Hauptort)', 'x')).toBe('vaduz_hauptort');
    expect(slugLabel('Zürich-Höngg', 'x')).toBe('zurich_hongg');
    expect(slugLabel('Großdorf', 'x')).toBe('grossdorf');
  });

  it('falls back when nothing ASCII is left', () => {
    expect(slugLabel('武汉市', 'r123')).toBe('r123');
  });
});
