import { describe, expect, it } from 'vitest';
import { clockState } from './queries';

describe('major-incident clocks on screen', () => {
  const deadlineAt = '2026-06-01T10:30:00.000Z';
  const at = (iso: string) => Date.parse(iso);
  it('counts down while open, turns overdue past the deadline, and shows settled clocks as they were settled', () => {
    expect(clockState({ deadlineAt, metAt: null, missedAt: null }, at('2026-06-01T10:29:00.000Z'))).toEqual({ state: 'open', secondsLeft: 60 });
    expect(clockState({ deadlineAt, metAt: null, missedAt: null }, at('2026-06-01T10:30:05.000Z')).state).toBe('overdue');
    expect(clockState({ deadlineAt, metAt: '2026-06-01T10:10:00.000Z', missedAt: null }, at('2026-06-01T11:00:00.000Z')).state).toBe('met');
    expect(clockState({ deadlineAt, metAt: null, missedAt: deadlineAt }, at('2026-06-01T11:00:00.000Z')).state).toBe('missed');
  });
});
