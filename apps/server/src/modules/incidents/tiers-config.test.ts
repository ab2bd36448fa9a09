import { DEFAULT_RESPONSE_TIERS } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

describe('response tiers as configuration', () => {
  it('defaults to 1-3-5', () => {
    expect(loadConfig({}).responseTiers).toEqual(DEFAULT_RESPONSE_TIERS);
  });

  it("takes a city's own tiers (Nanping: self-rescue at 1, mutual aid at 3, reinforcement at 5)", () => {
    const tiers = [
      { tier: 1, label: 'self-rescue at the place', minutes: 1, requirement: 'responded', units: 1 },
      { tier: 2, label: 'mutual aid', minutes: 3, requirement: 'on_scene', units: 2 },
      { tier: 3, label: 'reinforcement', minutes: 5, requirement: 'on_scene', units: 4 },
    ];
    expect(loadConfig({ FIREBREAK_RESPONSE_TIERS: JSON.stringify(tiers) }).responseTiers).toEqual(tiers);
  });

  it('refuses tiers out of order, decreasing deadlines and bad JSON, naming the variable', () => {
    for (const bad of ['not json', '[]', JSON.stringify([{ tier: 2, label: 'x', minutes: 1, requirement: 'responded', units: 1 }]),
      JSON.stringify([{ tier: 1, label: 'a', minutes: 3, requirement: 'responded', units: 1 }, { tier: 2, label: 'b', minutes: 1, requirement: 'on_scene', units: 1 }])]) {
      expect(() => loadConfig({ FIREBREAK_RESPONSE_TIERS: bad })).toThrow(ConfigError);
      try {
        loadConfig({ FIREBREAK_RESPONSE_TIERS: bad });
      } catch (err) {
        expect((err as ConfigError).problems.join('\n')).toContain('FIREBREAK_RESPONSE_TIERS');
      }
    }
  });
});
