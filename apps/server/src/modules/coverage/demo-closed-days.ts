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
 * are left out: schools keep them differently. Per year: date, the official (German) name, and the
 * name in English and in Chinese (`names`: a Chinese reader reads Chinese, the official name beside).
 */
export const LIECHTENSTEIN_PUBLIC_HOLIDAYS: Record<number, [date: string, official: string, en: string, zh: string][]> = {
  2026: [
    ['2026-01-01', 'Neujahr', 'New Year', '元旦'], ['2026-01-06', 'Heilige Drei Könige', 'Epiphany', '主显节'], ['2026-02-02', 'Mariä Lichtmess', 'Candlemas', '圣烛节'],
    ['2026-03-19', 'Josefstag', 'St Joseph', '圣约瑟节'], ['2026-04-03', 'Karfreitag', 'Good Friday', '耶稣受难日'], ['2026-04-06', 'Ostermontag', 'Easter Monday', '复活节星期一'],
    ['2026-05-01', 'Tag der Arbeit', 'Labour Day', '劳动节'], ['2026-05-14', 'Auffahrt', 'Ascension', '耶稣升天节'], ['2026-05-25', 'Pfingstmontag', 'Whit Monday', '圣灵降临节星期一'],
    ['2026-06-04', 'Fronleichnam', 'Corpus Christi', '基督圣体节'], ['2026-08-15', 'Staatsfeiertag', 'National Day, Assumption', '国庆节（圣母升天节）'], ['2026-09-08', 'Mariä Geburt', 'Nativity of Mary', '圣母诞辰'],
    ['2026-11-01', 'Allerheiligen', 'All Saints', '诸圣节'], ['2026-12-08', 'Mariä Empfängnis', 'Immaculate Conception', '圣母无染原罪节'], ['2026-12-25', 'Weihnachten', 'Christmas Day', '圣诞节'],
    ['2026-12-26', 'Stephanstag', 'St Stephen', '圣斯德望节'],
  ],
  2027: [
    ['2027-01-01', 'Neujahr', 'New Year', '元旦'], ['2027-01-06', 'Heilige Drei Könige', 'Epiphany', '主显节'], ['2027-02-02', 'Mariä Lichtmess', 'Candlemas', '圣烛节'],
    ['2027-03-19', 'Josefstag', 'St Joseph', '圣约瑟节'], ['2027-03-26', 'Karfreitag', 'Good Friday', '耶稣受难日'], ['2027-03-29', 'Ostermontag', 'Easter Monday', '复活节星期一'],
    ['2027-05-01', 'Tag der Arbeit', 'Labour Day', '劳动节'], ['2027-05-06', 'Auffahrt', 'Ascension', '耶稣升天节'], ['2027-05-17', 'Pfingstmontag', 'Whit Monday', '圣灵降临节星期一'],
    ['2027-05-27', 'Fronleichnam', 'Corpus Christi', '基督圣体节'], ['2027-08-15', 'Staatsfeiertag', 'National Day, Assumption', '国庆节（圣母升天节）'], ['2027-09-08', 'Mariä Geburt', 'Nativity of Mary', '圣母诞辰'],
    ['2027-11-01', 'Allerheiligen', 'All Saints', '诸圣节'], ['2027-12-08', 'Mariä Empfängnis', 'Immaculate Conception', '圣母无染原罪节'], ['2027-12-25', 'Weihnachten', 'Christmas Day', '圣诞节'],
    ['2027-12-26', 'Stephanstag', 'St Stephen', '圣斯德望节'],
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
    // The official German name, and what an English or a Chinese reader reads (the web shows the official one beside).
    const days: ClosedDay[] = list.map(([date, name, en, zh]) => ({ from: date, to: date, kind: 'public_holiday', name, names: { en, 'zh-CN': zh }, categories: ['school', 'kindergarten'] }));
    await setClosedDays(deps, { actor, requestId: null }, root, { year: Number(year), days });
    n += days.length;
  }
  return n;
}
