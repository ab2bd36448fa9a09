import { describe, expect, it } from 'vitest';
import { ancestorOf, DEFAULT_DEADLINES, dueAtFor } from './deadlines.js';

describe('deadlines', () => {
  it('sets the deadline by grade', () => {
    const raised = new Date('2026-01-01T00:00:00Z');
    expect(dueAtFor('general', raised, DEFAULT_DEADLINES).toISOString()).toBe('2026-01-08T00:00:00.000Z');
    expect(dueAtFor('major', raised, { generalDays: 3, majorDays: 10 }).toISOString()).toBe('2026-01-11T00:00:00.000Z');
  });

  it('names the ancestor a hazard escalates to', () => {
    const path = 'li.oberland.vaduz';
    expect(ancestorOf(path, 1)).toBe('li.oberland');
    expect(ancestorOf(path, 2)).toBe('li');
  });
});
