import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

describe('possible-duplicate search as configuration', () => {
  it('defaults to the same type within 300 m and 30 minutes', () => {
    expect(loadConfig({}).duplicates).toEqual({ radiusMetres: 300, windowMinutes: 30 });
  });

  it('takes a centre\'s own radius and window, and refuses nonsense naming the variable', () => {
    expect(loadConfig({ FIREBREAK_DUPLICATE_RADIUS_M: '150', FIREBREAK_DUPLICATE_WINDOW_MIN: '60' }).duplicates).toEqual({ radiusMetres: 150, windowMinutes: 60 });
    expect(() => loadConfig({ FIREBREAK_DUPLICATE_RADIUS_M: '-5' })).toThrow(ConfigError);
    expect(() => loadConfig({ FIREBREAK_DUPLICATE_WINDOW_MIN: 'soon' })).toThrow(/FIREBREAK_DUPLICATE_WINDOW_MIN/);
  });
});
