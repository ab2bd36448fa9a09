import type { CoverageSettings, PlaceCategory, SetCoverageSettingsBody } from '@firebreak/contracts';
import { DEFAULT_CATEGORY_HOURS } from '../../api/enums';

export type ThresholdProblem = 'empty' | 'range';

/** The move-up threshold as typed, in percent: a number from 0 to 100 (a tenth of a percent is kept). */
export function thresholdProblem(typed: number | string): ThresholdProblem | null {
  if (typed === '' || (typeof typed === 'string' && typed.trim() === '')) return 'empty';
  const n = Number(typed);
  if (!Number.isFinite(n) || n < 0 || n > 100) return 'range';
  return null;
}

/**
 * The body that sets a jurisdiction's own settings from the form. The server replaces the
 * jurisdiction's own row, so every category whose hours differ from the built-in default is sent
 * (set here, or inherited and kept here); a category typed empty or back to the default is left
 * out, so it follows the default again. Hours are trimmed; the server reads them and names a bad one.
 */
export function settingsBody(current: Pick<CoverageSettings, 'version'>, form: { percent: number; minutes: 1 | 3 | 5; hours: Partial<Record<PlaceCategory, string>> }): SetCoverageSettingsBody {
  const categoryHours: Partial<Record<PlaceCategory, string>> = {};
  for (const [c, typed] of Object.entries(form.hours) as [PlaceCategory, string | undefined][]) {
    const v = typed?.trim() ?? '';
    if (v !== '' && v !== DEFAULT_CATEGORY_HOURS[c]) categoryHours[c] = v;
  }
  return {
    categoryHours, moveUpThreshold: Math.round(form.percent * 10) / 1000, moveUpMinutes: form.minutes,
    ...(current.version !== null ? { expectedVersion: current.version } : {}),
  };
}
