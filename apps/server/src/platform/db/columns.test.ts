import { describe, expect, it } from 'vitest';
import { textColumn } from './columns.js';

describe('textColumn', () => {
  it('joins values with commas, a missing one as the empty string string_to_array reads as null', () => {
    expect(textColumn(['a', 1.5, undefined, null, 'b'])).toBe('a,1.5,,,b');
    expect(textColumn([])).toBe('');
    expect(textColumn([undefined])).toBe('');
  });

  it('writes numbers as JavaScript prints them, so float8 reads back the same double', () => {
    const x = 9.512345678901234;
    expect(Number(textColumn([x]))).toBe(x);
  });
});
