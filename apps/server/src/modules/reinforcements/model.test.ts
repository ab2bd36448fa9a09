import { describe, expect, it } from 'vitest';
import { afterGrant, answerDue, commonAncestor, fillsNeed, firstAbove, neighbourProblem, nextTarget } from './model.js';

describe('reinforcement requests go up the tree', () => {
  it('asks the level above first, then the one above that, then nobody', () => {
    expect(firstAbove('li.oberland.vaduz')).toBe('li.oberland');
    expect(nextTarget('li.oberland.vaduz', 'li.oberland')).toBe('li');
    expect(nextTarget('li.oberland.vaduz', 'li')).toBeNull();
    expect(firstAbove('li')).toBeNull();
  });
  it('goes from a neighbour to the level commanding both', () => {
    expect(nextTarget('li.oberland.vaduz', 'li.oberland.schaan')).toBe('li.oberland');
    expect(nextTarget('li.oberland.vaduz', 'li.unterland.eschen')).toBe('li');
    expect(commonAncestor('li.oberland.vaduz', 'xx.a')).toBeNull();
  });
});

describe('a neighbour', () => {
  it('is beside the incident, not above or below it', () => {
    expect(neighbourProblem('li.oberland.vaduz', 'li.oberland.schaan', false)).toBeNull();
    expect(neighbourProblem('li.oberland.vaduz', 'li.unterland.eschen', true)).toBeNull();
    expect(neighbourProblem('li.oberland.vaduz', 'li.unterland.eschen', false)).toMatch(/not a neighbour/);
    expect(neighbourProblem('li.oberland.vaduz', 'li.oberland', true)).toMatch(/above/);
    expect(neighbourProblem('li.oberland.vaduz', 'li.oberland.vaduz', true)).toMatch(/above/);
    expect(neighbourProblem('li.oberland.vaduz', 'li.oberland.vaduz.station', true)).toMatch(/below/);
  });
});

describe('filling a request', () => {
  const engine = { kind: 'fire_engine', capabilities: ['water', 'technical_rescue'] };
  const ambulance = { kind: 'ambulance', capabilities: ['als'] };
  it('by kind, by capability, or both', () => {
    expect(fillsNeed({ kind: 'fire_engine', capability: null }, engine)).toBe(true);
    expect(fillsNeed({ kind: 'fire_engine', capability: null }, ambulance)).toBe(false);
    expect(fillsNeed({ kind: null, capability: 'technical_rescue' }, engine)).toBe(true);
    expect(fillsNeed({ kind: null, capability: 'technical_rescue' }, ambulance)).toBe(false);
    expect(fillsNeed({ kind: 'fire_engine', capability: 'als' }, engine)).toBe(false);
  });
  it('a partial grant keeps it open and sends the rest up; a full one fulfils it', () => {
    expect(afterGrant({ count: 3, granted: 0 }, 1)).toEqual({ granted: 1, state: 'open', escalate: true });
    expect(afterGrant({ count: 3, granted: 1 }, 2)).toEqual({ granted: 3, state: 'fulfilled', escalate: false });
  });
  it('gives each level its time', () => {
    expect(answerDue(new Date('2026-01-01T10:00:00Z'), 120).toISOString()).toBe('2026-01-01T10:02:00.000Z');
  });
});
