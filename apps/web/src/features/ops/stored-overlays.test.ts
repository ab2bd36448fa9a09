import { describe, expect, it } from 'vitest';
import { OVERLAYS } from '../../map/overlays';
import { storedOverlays } from './stored-overlays';

describe('storedOverlays', () => {
  it('reads the switches as saved', () => {
    const saved = { ...Object.fromEntries(OVERLAYS.map((o) => [o, true])), units: false, rings: false };
    expect(storedOverlays(JSON.stringify(saved))).toEqual(saved);
  });

  it('turns on an overlay the saved value does not mention', () => {
    expect(storedOverlays(JSON.stringify({ units: false })).incidents).toBe(true);
    expect(storedOverlays(JSON.stringify({ units: false })).units).toBe(false);
  });

  it('falls back to all on for nothing saved or an unreadable value', () => {
    for (const raw of [null, '', 'not json', '42', 'null', '{"units":"no"}']) {
      const read = storedOverlays(raw);
      expect(Object.values(read).every((v) => v === true), String(raw)).toBe(true);
      expect(Object.keys(read).sort()).toEqual([...OVERLAYS].sort());
    }
  });
});
