import { describe, expect, it } from 'vitest';
import { interleave } from './sequencer.js';

const cost = (item: string): number => Number(item.slice(1));

describe('interleave: the browser files spread through the others', () => {
  it('starts with the first browser file and puts an equal share of the others\' cost between two', () => {
    const rest = ['r10', 'r10', 'r10', 'r10', 'r10', 'r10', 'r10', 'r10', 'r10', 'r10'];
    // 100 of work, 80 of it spread over 4 browser files: one every 20.
    expect(interleave(rest, ['b1', 'b2', 'b3', 'b4'], cost)).toEqual(['b1', 'r10', 'r10', 'b2', 'r10', 'r10', 'b3', 'r10', 'r10', 'b4', 'r10', 'r10', 'r10', 'r10']);
  });

  it('keeps both orders and loses nothing when one long file outweighs a gap, never crowding two browser files', () => {
    // A gap is 80 / 3: after the 90 the next browser file comes at once, the last one only after another gap's worth.
    const out = interleave(['r90', 'r5', 'r5'], ['b1', 'b2', 'b3'], cost);
    expect(out).toEqual(['b1', 'r90', 'b2', 'r5', 'r5', 'b3']);
  });

  it('puts browser files left over at the end, and returns the others untouched when there are none', () => {
    expect(interleave(['r1'], ['b1', 'b2', 'b3'], cost)).toEqual(['b1', 'r1', 'b2', 'b3']);
    expect(interleave(['r1', 'r2'], [], cost)).toEqual(['r1', 'r2']);
    expect(interleave([], ['b1'], cost)).toEqual(['b1']);
  });

  it('spreads over the given share only: the run ends on the others', () => {
    const rest = Array.from({ length: 10 }, () => 'r10');
    const out = interleave(rest, ['b1', 'b2'], cost, 0.5);
    expect(out.indexOf('b2')).toBeLessThan(out.length / 2);
    expect(out.slice(-4)).toEqual(['r10', 'r10', 'r10', 'r10']);
  });
});
