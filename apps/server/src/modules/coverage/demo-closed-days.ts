import type { ClosedDay } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import type { CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { setClosedDays } from './set-closed-days.js';

const DEMO_ACTOR_ID = '00000000-0000-7000-8000-0000000c105e';

/**
 * Liechtenstein's public holidays (gesetzliche Feiertage) as the Liechtenstein government lists them
 * (Landesverwaltung Liechtenstein, llv.li, "Feiertage"; the days off work of Art. 18 of the
 * Arbeitsgesetz, LR 822.10). Dates written by hand; the movable feasts counted from Easter Sunday
 * (5 April 2026, 28 March 2027): Good Friday −2, Easter Monday +1, Ascension +39, Whit Monday +50,
 * Corpus Christi +60. Customary half days (Shrove Tuesday afternoon, Christmas Eve, New Year's Eve)
 * are left out: schools keep them differently.
 */
export const LIECHTENSTEIN_PUBLIC_HOLIDAYS: Record<number, [string, string][]> = {
  2026: [
    ['2026-01-01', 'Neujahr (New Year)'], ['2026-01-06', 'Heilige Drei Könige (Epiphany)'], ['2026-02-02', 'Mariä Lichtmess (Candlemas)'],
    ['2026-03-19', 'Josefstag (St Joseph)'], ['2026-04-03', 'Karfreitag (Good Friday)'], ['2026-04-06', 'Ostermontag (Easter Monday)'],
    ['2026-05-01', 'Tag der Arbeit (Labour Day)'], ['2026-05-14', 'Auffahrt (Ascension)'], ['2026-05-25', 'Pfingstmontag (Whit Monday)'],
    ['2026-06-04', 'Fronleichnam (Corpus Christi)'], ['2026-08-15', 'Staatsfeiertag (National Day, Assumption)'], ['2026-09-08', 'Mariä Geburt (Nativity of Mary)'],
    ['2026-11-01', 'Allerheiligen (All Saints)'], ['2026-12-08', 'Mariä Empfängnis (Immaculate Conception)'], ['2026-12-25', 'Weihnachten (Christmas Day)'],
    ['2026-12-26', 'Stephanstag (St Stephen)'],
  ],
  2027: [
    ['2027-01-01', 'Neujahr (New Year)'], ['2027-01-06', 'Heilige Drei Könige (Epiphany)'], ['2027-02-02', 'Mariä Lichtmess (Candlemas)'],
    ['2027-03-19', 'Josefstag (St Joseph)'], ['2027-03-26', 'Karfreitag (Good Friday)'], ['2027-03-29', 'Ostermontag (Easter Monday)'],
    ['2027-05-01', 'Tag der Arbeit (Labour Day)'], ['2027-05-06', 'Auffahrt (Ascension)'], ['2027-05-17', 'Pfingstmontag (Whit Monday)'],
    ['2027-05-27', 'Fronleichnam (Corpus Christi)'], ['2027-08-15', 'Staatsfeiertag (National Day, Assumption)'], ['2027-09-08', 'Mariä Geburt (Nativity of Mary)'],
    ['2027-11-01', 'Allerheiligen (All Saints)'], ['2027-12-08', 'Mariä Empfängnis (Immaculate Conception)'], ['2027-12-25', 'Weihnachten (Christmas Day)'],
    ['2027-12-26', 'Stephanstag (St Stephen)'],
  ],
};

/**
 * Demo data (first start with FIREBREAK_DEMO): the country's public holidays of the demo years at
 * the national jurisdiction, closing schools and kindergartens everywhere. Returns the days set (0
 * when the national jurisdiction has a list already, or the root is not Liechtenstein's).
 */
export async function ensureDemoClosedDays(deps: CommandDeps): Promise<number> {
  // Liechtenstein's days, so only under Liechtenstein's root (the demo country's), never another region's.
  const [root] = await rows<{ id: string; path: string; name: string }>(deps.db, sql`select id, path::text as path, name from jurisdictions where parent_id is null and path = 'li'::ltree`);
  if (!root) return 0;
  const [had] = await rows<{ n: number }>(deps.db, sql`select count(*)::int as n from closed_day_lists where jurisdiction_id = ${root.id}`);
  if (had!.n > 0) return 0;
  const actor: Actor = { id: DEMO_ACTOR_ID, username: 'demo', displayName: 'Demo data', kind: 'staff', via: { kind: 'system' }, grants: [{ id: DEMO_ACTOR_ID, role: 'administrator', jurisdictionId: root.id, path: root.path, jurisdictionName: root.name }] };
  let n = 0;
  for (const [year, list] of Object.entries(LIECHTENSTEIN_PUBLIC_HOLIDAYS)) {
    const days: ClosedDay[] = list.map(([date, name]) => ({ from: date, to: date, kind: 'public_holiday', name, categories: ['school', 'kindergarten'] }));
    await setClosedDays(deps, { actor, requestId: null }, root, { year: Number(year), days });
    n += days.length;
  }
  return n;
}
