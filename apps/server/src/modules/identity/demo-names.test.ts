import { describe, expect, it } from 'vitest';
import { demoPersonName } from './demo-names.js';

describe('demo staff names', () => {
  it('gives every one of the first 667 demo accounts a name of its own, a first and a last name', () => {
    const names = Array.from({ length: 667 }, (_, i) => demoPersonName(i));
    expect(new Set(names).size).toBe(667);
    for (const n of names) expect(n).toMatch(/^\S+ \S+$/u);
  });
});
