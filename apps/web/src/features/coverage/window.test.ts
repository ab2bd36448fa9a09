import { describe, expect, it } from 'vitest';
import { choiceOf, hoursInWords, SCHOOL_DAYS, windowProblem } from './window';

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

describe('opening hours in words', () => {
  const zh: Record<string, string> = { 'coverage.weekdayShort.Mo': '周一', 'coverage.weekdayShort.Fr': '周五', 'coverage.weekdayShort.Sa': '周六', 'coverage.hoursWord.PH': '法定节假日', 'coverage.hoursWord.off': '关闭' };
  const word = (k: string) => zh[k] ?? `<${k}>`;
  it('puts the OSM day and holiday words in the reader language, times kept', () => {
    expect(hoursInWords('Mo-Fr 07:00-17:00; PH off', word)).toBe('周一-周五 07:00-17:00; 法定节假日 关闭');
    expect(hoursInWords('Sa 08:00-12:00; Mo closed', word)).toBe('周六 08:00-12:00; 周一 关闭');
  });
  it('leaves words that are not OSM abbreviations alone', () => {
    expect(hoursInWords('Monday 07:00-17:00', word)).toBe('Monday 07:00-17:00');
  });
});
