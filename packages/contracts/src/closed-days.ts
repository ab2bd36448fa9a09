import { z } from 'zod';
import { Id, JurisdictionPath, Timestamp } from './common.js';
import { PRESENCE_CATEGORIES } from './coverage.js';
import { PlaceCategory } from './places.js';

/**
 * Closed days (issue 18): public and school holidays per jurisdiction, inherited down the tree (a
 * national public holiday closes schools everywhere, a municipality's school holiday only its own).
 * Coverage windows on a date and the transport permits' protected zones read them.
 */
export const CLOSED_DAY_KINDS = ['public_holiday', 'school_holiday'] as const;
export const ClosedDayKind = z.enum(CLOSED_DAY_KINDS);
export type ClosedDayKind = z.infer<typeof ClosedDayKind>;

/** A calendar date, `YYYY-MM-DD` (local: the deployment's time zone). */
export const LocalDate = z.iso.date();
/** A list is kept per calendar year; these bound the years a list may be set for. */
export const CLOSED_DAYS_YEARS = { min: 2000, max: 2100 } as const;
/** At most this many entries per jurisdiction and year (a country has ~15 holidays and ~6 school breaks). */
export const CLOSED_DAYS_MAX = 200;
/** A range lasts at most this many days (a long summer break is ~60). */
export const CLOSED_DAY_MAX_SPAN = 120;

/**
 * A closed day's name in the app's languages, for a reader of another language than the official
 * name's (the demo's holidays are named in German): the web shows the reader's language, the
 * official `name` beside it. Optional; a language left out shows the official name.
 */
export const ClosedDayNames = z.strictObject({
  en: z.string().trim().min(1).max(200).optional(),
  'zh-CN': z.string().trim().min(1).max(200).optional(),
});
export type ClosedDayNames = z.infer<typeof ClosedDayNames>;

export const ClosedDay = z.object({
  /** First closed day. */
  from: LocalDate,
  /** Last closed day (inclusive); the same as `from` for a single day. */
  to: LocalDate,
  kind: ClosedDayKind,
  /** The official name, as the jurisdiction publishes it. */
  name: z.string().trim().min(1).max(200),
  /** The name in the app's languages (`en`, `zh-CN`), when it differs from the official one. */
  names: ClosedDayNames.optional(),
  /** The place categories it closes (default schools and kindergartens: the categories with school-day hours). */
  categories: z.array(PlaceCategory).min(1).max(20).default([...PRESENCE_CATEGORIES]),
});
export type ClosedDay = z.infer<typeof ClosedDay>;

/** A closed day as it applies somewhere: with the jurisdiction that set it (this one or above). */
export const ClosedDayInForce = ClosedDay.extend({ jurisdictionId: Id, jurisdictionPath: JurisdictionPath, jurisdictionName: z.string() });
export type ClosedDayInForce = z.infer<typeof ClosedDayInForce>;

const Year = z.coerce.number().int().min(CLOSED_DAYS_YEARS.min).max(CLOSED_DAYS_YEARS.max);

export const ClosedDaysQuery = z.strictObject({
  /** The calendar year (default: this year in the deployment's time zone). */
  year: Year.optional(),
});

export const ClosedDaysList = z.object({
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  year: z.number().int(),
  /** This jurisdiction's own list for the year (starting in it), by date. */
  days: z.array(ClosedDay),
  /** What the jurisdictions above set for the year and applies here too, by date. */
  inherited: z.array(ClosedDayInForce),
  /** Version of this jurisdiction's list for the year; null when it has none. */
  version: z.number().int().nullable(),
  updatedAt: Timestamp.nullable(),
});
export type ClosedDaysList = z.infer<typeof ClosedDaysList>;

const dayNumber = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

export const PutClosedDaysBody = z.strictObject({
  /** The year whose list this replaces: every entry starts in it (a break over New Year starts in the old year). */
  year: z.number().int().min(CLOSED_DAYS_YEARS.min).max(CLOSED_DAYS_YEARS.max),
  days: z.array(ClosedDay).max(CLOSED_DAYS_MAX),
  /** The version you read (optimistic lock); omit to create or to replace whatever is there. */
  expectedVersion: z.number().int().optional(),
}).superRefine((b, ctx) => {
  b.days.forEach((d, i) => {
    if (!d.from.startsWith(`${b.year}-`)) ctx.addIssue({ code: 'custom', path: ['days', i, 'from'], message: `must lie in ${b.year}, the year of the list` });
    const span = dayNumber(d.to) - dayNumber(d.from);
    if (span < 0) ctx.addIssue({ code: 'custom', path: ['days', i, 'to'], message: 'must not be before from' });
    else if (span >= CLOSED_DAY_MAX_SPAN) ctx.addIssue({ code: 'custom', path: ['days', i, 'to'], message: `a range lasts at most ${CLOSED_DAY_MAX_SPAN} days` });
  });
});
export type PutClosedDaysBody = z.infer<typeof PutClosedDaysBody>;
