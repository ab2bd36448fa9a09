import { DEFAULT_RESPONSE_LEVELS } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const problem = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  return '';
};

describe('major-incident configuration', () => {
  it('defaults to levels I-IV, a 30/60-minute report-up clock and a SITREP every 30 minutes', () => {
    expect(loadConfig({}).majorIncidents).toEqual({ levels: [...DEFAULT_RESPONSE_LEVELS], reportUpMinutes: { first: 30, written: 60 }, sitrepIntervalMinutes: 30 });
  });

  it('takes other minutes and level rules, and names what is wrong with bad ones', () => {
    const levels = DEFAULT_RESPONSE_LEVELS.map((l) => ({ ...l, name: `Stufe ${l.level}` }));
    const c = loadConfig({ FIREBREAK_MAJOR_REPORT_UP_MIN: '15,45', FIREBREAK_SITREP_INTERVAL_MIN: '20', FIREBREAK_MAJOR_LEVELS: JSON.stringify(levels) });
    expect(c.majorIncidents).toEqual({ levels, reportUpMinutes: { first: 15, written: 45 }, sitrepIntervalMinutes: 20 });
    expect(problem({ FIREBREAK_MAJOR_REPORT_UP_MIN: '60,30' })).toContain('FIREBREAK_MAJOR_REPORT_UP_MIN');
    expect(problem({ FIREBREAK_MAJOR_REPORT_UP_MIN: '30' })).toContain('FIREBREAK_MAJOR_REPORT_UP_MIN');
    expect(problem({ FIREBREAK_SITREP_INTERVAL_MIN: '0' })).toContain('FIREBREAK_SITREP_INTERVAL_MIN');
    expect(problem({ FIREBREAK_MAJOR_LEVELS: '[' })).toContain('not valid JSON');
    expect(problem({ FIREBREAK_MAJOR_LEVELS: JSON.stringify(levels.slice(0, 3)) })).toContain('FIREBREAK_MAJOR_LEVELS');
    const rising = levels.map((l, i) => ({ ...l, minCasualties: i * 10 }));
    expect(problem({ FIREBREAK_MAJOR_LEVELS: JSON.stringify(rising) })).toContain('do not increase');
  });
});
