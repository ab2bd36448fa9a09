import type { UnitKind, Weekday } from '@firebreak/contracts';

export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const satisfies readonly Weekday[];
export const SCHOOL_DAYS: Weekday[] = ['Mo', 'Tu', 'We', 'Th', 'Fr'];
export const UNIT_KINDS = ['patrol_car', 'foot_patrol', 'bicycle_patrol', 'motorcycle', 'fixed_post', 'special_police', 'fire_engine', 'ladder', 'ambulance', 'hazmat', 'rescue', 'command', 'other'] as const satisfies readonly UnitKind[];

/** The windows a duty officer asks most (schools open and close); `custom` takes any HH:MM-HH:MM. */
export const WINDOW_PRESETS = {
  schoolOpening: { hours: '07:00-08:30', days: SCHOOL_DAYS },
  schoolClosing: { hours: '15:30-17:00', days: SCHOOL_DAYS },
} as const;
export type WindowChoice = 'any' | keyof typeof WINDOW_PRESETS | 'custom';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The same rule as the server's (`TimeWindowText`), so a typo is flagged before it is sent. */
export function windowProblem(text: string): 'format' | 'order' | null {
  const [from, to, ...rest] = text.split('-');
  if (rest.length > 0 || !from || !to || !HHMM.test(from) || !(to === '24:00' || HHMM.test(to))) return 'format';
  return from >= to ? 'order' : null;
}

/** Which preset a window in the address is, if any. */
export function choiceOf(hours: string | null, days: readonly string[]): WindowChoice {
  if (hours === null) return 'any';
  for (const [key, preset] of Object.entries(WINDOW_PRESETS) as [keyof typeof WINDOW_PRESETS, (typeof WINDOW_PRESETS)[keyof typeof WINDOW_PRESETS]][]) {
    if (preset.hours === hours && preset.days.join(',') === days.join(',')) return key;
  }
  return 'custom';
}

const HOURS_WORD = /\b(Mo|Tu|We|Th|Fr|Sa|Su|PH|SH|off|closed)\b/g;

/**
 * A place's OSM `opening_hours` in the reader's words: the day and holiday abbreviations of the
 * OSM syntax (`Mo-Fr 07:00-17:00; PH off`) are English whatever the map's language, so they are
 * put in the reader's language; times and separators stay as tagged.
 */
export function hoursInWords(hours: string, word: (key: string) => string): string {
  return hours.replace(HOURS_WORD, (w) => {
    const token = w === 'closed' ? 'off' : w;
    return WEEKDAYS.includes(token as Weekday) ? word(`coverage.weekdayShort.${token}`) : word(`coverage.hoursWord.${token}`);
  });
}
