import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MEASURED_MS, estimateFromSize, interleave, order, shuffled } from './sequencer.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const cost = (item: string): number => Number(item.slice(1));
const r = (n: number): string[] => Array.from({ length: n }, () => 'r10');

describe('interleave: the browser files spread through the others', () => {
  it('starts with the first browser file and shares what is left of the spread among those still to place', () => {
    // 100 of work, 80 of it to spread: 80/3 after the first, then (80-30)/2, then (80-60)/1.
    expect(interleave(r(10), ['b1', 'b2', 'b3', 'b4'], cost)).toEqual(['b1', ...r(3), 'b2', ...r(3), 'b3', ...r(2), 'b4', ...r(2)]);
  });

  it('leaves after a long browser file at least its own cost of other work, and catches up after it', () => {
    expect(interleave(r(10), ['b60', 'b1', 'b1'], cost)).toEqual(['b60', ...r(6), 'b1', ...r(2), 'b1', ...r(2)]);
  });

  it('keeps both orders and loses nothing when one of the others outweighs the spread', () => {
    expect(interleave(['r90', 'r5', 'r5'], ['b1', 'b2', 'b3'], cost)).toEqual(['b1', 'r90', 'b2', 'r5', 'b3', 'r5']);
  });

  it('puts browser files left over at the end, and returns the others untouched when there are none', () => {
    expect(interleave(['r1'], ['b1', 'b2', 'b3'], cost)).toEqual(['b1', 'r1', 'b2', 'b3']);
    expect(interleave(['r1', 'r2'], [], cost)).toEqual(['r1', 'r2']);
    expect(interleave([], ['b1'], cost)).toEqual(['b1']);
  });

  it('spreads over the given share only: the run ends on the others', () => {
    expect(interleave(r(10), ['b1', 'b2'], cost, 0.5)).toEqual(['b1', ...r(5), 'b2', ...r(5)]);
  });
});

describe('order: the files that need no template first, while it builds', () => {
  // `<project letter><cost>`: u = unit, p = postgres, e = the browser project.
  const projectOf = (item: string): string => ({ u: 'unit', p: 'postgres', e: 'e2e' })[item[0]!]!;
  const weight = (item: string): number => Number(item.slice(1));

  it('runs every unit file before any file that starts from the template, each part longest first', () => {
    expect(order(['p50', 'u1', 'p90', 'u3', 'u2'], projectOf, weight)).toEqual(['u3', 'u2', 'u1', 'p90', 'p50']);
  });

  it('spreads the browser files among the template\'s files only', () => {
    expect(order(['u5', 'p10', 'e30', 'p10', 'u1', 'p10', 'p10'], projectOf, weight)).toEqual(['u5', 'u1', 'e30', 'p10', 'p10', 'p10', 'p10']);
    expect(order(['e1', 'u1'], projectOf, weight)).toEqual(['u1', 'e1']);
  });
});

describe('order: a project with shared workers in one block, after the isolated ones', () => {
  // `<project letter><cost>`: l = pglite (isolated), p = postgres (shared), e = the browser project.
  const projectOf = (item: string): string => ({ u: 'unit', l: 'pglite', p: 'postgres', e: 'e2e' })[item[0]!]!;
  const weight = (item: string): number => Number.parseInt(item.slice(1), 10);
  const postgresShared = (project: string): boolean => project === 'postgres';

  it('keeps the shared project\'s files together, longest first, after the isolated project\'s', () => {
    expect(order(['p90', 'l50', 'p5', 'l80', 'u1', 'p20'], projectOf, weight, postgresShared)).toEqual(['u1', 'l80', 'l50', 'p90', 'p20', 'p5']);
    // Without shared workers: longest first across projects, as before.
    expect(order(['p90', 'l50', 'p5', 'l80', 'u1', 'p20'], projectOf, weight)).toEqual(['u1', 'p90', 'l80', 'l50', 'p20', 'p5']);
  });

  it('still spreads the browser files through the whole of it', () => {
    // 60 of other work, 48 of it to spread: the second browser file comes after 48, inside the block.
    const items = ['p10', 'l10', 'e5', 'p10', 'p10', 'e1', 'l10', 'p10'];
    expect(order(items, projectOf, weight, postgresShared)).toEqual(['e5', 'l10', 'l10', 'p10', 'p10', 'p10', 'e1', 'p10']);
  });
});

describe('shuffled: a random order from a seed, to look for leaks between files', () => {
  const items = Array.from({ length: 20 }, (_, i) => i);

  it('is a permutation, the same for the same seed, another for another seed', () => {
    expect([...shuffled(items, 1)].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled(items, 1)).toEqual(shuffled(items, 1));
    expect(shuffled(items, 1)).not.toEqual(shuffled(items, 2));
    expect(shuffled(items, 1)).not.toEqual(items);
  });
});

describe('a file\'s cost on a clean clone', () => {
  it('is its project\'s cost per file plus its size times the cost per byte', () => {
    expect(estimateFromSize('pglite', 10_000)).toBe(9000 + 10_000 * 0.6);
    expect(estimateFromSize('unit', 10_000)).toBe(10_000 * 0.1);
    // A project without figures: a millisecond a byte, not nothing.
    expect(estimateFromSize('somewhere', 500)).toBe(500);
  });

  it('names measured files that exist, each in a project that runs integration or browser files', () => {
    expect(Object.keys(MEASURED_MS).length).toBeGreaterThan(0);
    for (const key of Object.keys(MEASURED_MS)) {
      const [project, file] = key.split(':') as [string, string];
      expect(['pglite', 'postgres', 'e2e'], key).toContain(project);
      expect(existsSync(`${ROOT}${file}`), key).toBe(true);
    }
  });
});
