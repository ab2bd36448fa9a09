import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepthBeyond } from './json-body.js';
import { findNulCharacter } from './problem.js';

/** The nesting depth of a parsed JSON value, for checking the scanner against the parser. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v && typeof v === 'object') {
      max = Math.max(max, d + 1);
      for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
  }
  return max;
}

describe('jsonDepthBeyond', () => {
  it('agrees with JSON.parse on the depth of any JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.integer({ min: 0, max: 12 }), (value, limit) => {
        const text = JSON.stringify(value);
        const depth = depthOf(value);
        expect(jsonDepthBeyond(text, limit)).toBe(depth > limit ? limit + 1 : null);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('does not count brackets inside strings, including after escaped quotes and backslashes', () => {
    expect(jsonDepthBeyond(JSON.stringify({ a: '[[[[{{{{', b: '\\"[[[[', c: '\\' }), 1)).toBeNull();
    expect(jsonDepthBeyond(JSON.stringify({ a: '\\', b: [[1]] }), 2)).toBe(3);
  });

  it('answers an 8,000-level body at once', () => {
    expect(jsonDepthBeyond('['.repeat(8000) + ']'.repeat(8000), 64)).toBe(65);
  });
});

describe('findNulCharacter', () => {
  it('walks a value nested far deeper than the call stack allows', () => {
    let deep: unknown = 'ok';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findNulCharacter(deep, 'body')).toBeNull();
    let bad: unknown = { x: 'a\u0000b' };
    for (let i = 0; i < 3; i++) bad = { y: bad };
    expect(findNulCharacter(bad, 'body')).toBe('body.y.y.y.x');
  });

  it('names the first offending field in document order, keys included', () => {
    expect(findNulCharacter({ a: ['x', 'y\u0000'], b: '\u0000' }, 'body')).toBe('body.a.1');
    expect(findNulCharacter({ ['k\u0000']: 1 }, 'query')).toBe('query.k\u0000');
    expect(findNulCharacter({ a: '\ud800' }, 'body')).toBe('body.a');
    expect(findNulCharacter({ a: '\ud83d\ude00' }, 'body')).toBeNull();
  });
});
