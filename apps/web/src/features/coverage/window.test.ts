import { describe, expect, it } from 'vitest';
import { choiceOf, SCHOOL_DAYS, windowProblem } from './window';

describe('coverage window selector', () => {
  it('flags windows the server would refuse', () => {
    expect(windowProblem('07:30-08:30')).toBeNull();
    expect(windowProblem('22:00-24:00')).toBeNull();
    expect(windowProblem('08:30-07:30')).toBe('order');
    expect(windowProblem('08:30-08:30')).toBe('order');
    expect(windowProblem('7:30-8:30')).toBe('format');
    expect(windowProblem('07:30')).toBe('format');
    expect(windowProblem('24:00-24:30')).toBe('format');
  });

  it('recognises the presets from the address', () => {
    expect(choiceOf(null, [])).toBe('any');
    expect(choiceOf('07:00-08:30', SCHOOL_DAYS)).toBe('schoolOpening');
    expect(choiceOf('15:30-17:00', SCHOOL_DAYS)).toBe('schoolClosing');
    expect(choiceOf('07:00-08:30', ['Mo'])).toBe('custom');
  });
});
