import { describe, expect, it } from 'vitest';
import { colourFaces, insideColour, largerSide, memberRing, type Face } from './clip-sides.js';

const face = (i: number, area: number, neighbours: number[], inside: { closed?: number; ringed?: number } = {}): Face =>
  ({ i, area, closed: inside.closed ?? 0, ringed: inside.ringed ?? 0, neighbours, colour: -1 });

describe('colourFaces', () => {
  it('alternates across every way: a strip of three faces is in, out, in', () => {
    const faces = [face(0, 1, [1]), face(1, 1, [0, 2]), face(2, 1, [1])];
    colourFaces(faces);
    expect(faces.map((f) => f.colour)).toEqual([0, 1, 0]);
  });

  it('refuses ways that cannot be a boundary (three faces meeting pairwise)', () => {
    expect(() => colourFaces([face(0, 1, [1, 2]), face(1, 1, [0, 2]), face(2, 1, [0, 1])])).toThrow(/both sides of a way/);
  });
});

describe('insideColour', () => {
  it('takes the side the member ring covers', () => {
    const faces = [face(0, 10, [1], { ringed: 0.5 }), face(1, 2, [0], { ringed: 2 })];
    colourFaces(faces);
    expect(insideColour(faces)).toEqual({ decided: 1, by: 'member ring' });
  });

  it('falls back on the chains closed onto themselves when the ring says nothing', () => {
    const faces = [face(0, 10, [1], { closed: 9 }), face(1, 2, [0])];
    colourFaces(faces);
    expect(insideColour(faces)).toEqual({ decided: 0, by: 'closure' });
  });

  it('says nothing for a straight line (no closure has area)', () => {
    const faces = [face(0, 10, [1]), face(1, 2, [0])];
    colourFaces(faces);
    expect(insideColour(faces).decided).toBeUndefined();
    expect(largerSide(faces)).toBe(0);
  });

  it('with no way across the area: all of it when the ring covers it, none of it otherwise', () => {
    const covered = [face(0, 4, [], { ringed: 3 })];
    colourFaces(covered);
    expect(insideColour(covered).decided).toBe(0);
    const away = [face(0, 4, [], { ringed: 0 })];
    colourFaces(away);
    expect(insideColour(away).decided).toBe(1);
  });
});

describe('memberRing', () => {
  it('joins ways in member order, turning each to meet the last, and closes the ring', () => {
    const ring = memberRing([[[0, 0], [1, 0]], [[1, 1], [1, 0]], [[0, 2], [1, 2]]]);
    expect(ring).toEqual([[0, 0], [1, 0], [1, 0], [1, 1], [1, 2], [0, 2], [0, 0]]);
  });

  it('starts the first way towards the second', () => {
    expect(memberRing([[[5, 5], [0, 0]], [[5, 6], [6, 6]]])[0]).toEqual([0, 0]);
  });
});
