import { describe, expect, it } from 'vitest';
import { relocateOption } from './cli.js';
import { SF_FIRE_MAPPING } from './mapping.js';

describe('`import calls --relocate [--seed]`, read as the HTTP contract reads relocate and seed', () => {
  it('relocates with seed 1 unless given one; nothing without --relocate', () => {
    expect(relocateOption({ relocate: true }, SF_FIRE_MAPPING)).toEqual({ seed: 1 });
    expect(relocateOption({ relocate: true, seed: '7' }, SF_FIRE_MAPPING)).toEqual({ seed: 7 });
    expect(relocateOption({ relocate: true, seed: '0' }, SF_FIRE_MAPPING)).toEqual({ seed: 0 });
    expect(relocateOption({}, SF_FIRE_MAPPING)).toBeUndefined();
  });

  it('refuses what the contract refuses, naming the option', () => {
    expect(() => relocateOption({ seed: '7' }, SF_FIRE_MAPPING)).toThrow('--seed places relocated calls: give it with --relocate');
    for (const seed of ['-1', '2.5', 'x', '2147483648', '']) expect(() => relocateOption({ relocate: true, seed }, SF_FIRE_MAPPING), seed).toThrow(`--seed: ${seed} is not a whole number`);
    const byColumn = { ...SF_FIRE_MAPPING, columns: { ...SF_FIRE_MAPPING.columns, jurisdiction: 'District' } };
    expect(() => relocateOption({ relocate: true }, byColumn)).toThrow('--relocate: calls the mapping sends to jurisdictions by its jurisdiction column cannot be relocated');
  });
});
