import type { JurisdictionName, PlaceCategory, PrintLanguage } from '@firebreak/contracts';

export { PRINT_LANGUAGES, type PrintLanguage } from '@firebreak/contracts';

/**
 * How every export (CSV, printable page) speaks to its reader: in the language and time zone the web
 * app sent with the link (`PrintQueryFields`), with jurisdictions by name rather than path. Each page
 * keeps its own words beside it (trace-words.ts, hazards' and campaigns' report words); the manner of
 * saying dates and places is this one, so every printout reads alike.
 */
export interface PrintSpeech {
  lang: PrintLanguage;
  /** A moment, as date and time in the reader's zone and locale. */
  date: (iso: string | Date) => string;
  /** A moment's calendar day in the reader's zone and locale. */
  day: (iso: string | Date) => string;
  /** A jurisdiction by its name in the language (with its parent's where the name is shared); `fallback` (the path) only where no name is on record. */
  place: (path: string, fallback?: string) => string;
  /** A count in the locale's digits grouping. */
  number: (n: number, fractionDigits?: number) => string;
}

export function printSpeech(lang: PrintLanguage, timeZone: string, names: readonly JurisdictionName[]): PrintSpeech {
  const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const dayFmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone });
  const byPath = new Map(names.map((n) => [n.path, n]));
  const local = (n: { name: string; names: Record<string, string> }) => lang === 'zh-CN' ? n.names['zh-CN'] ?? n.names['zh-Hans'] ?? n.names.zh ?? n.name : n.name;
  return {
    lang,
    date: (iso) => fmt.format(new Date(iso)),
    day: (iso) => dayFmt.format(new Date(iso)),
    place: (path, fallback = path) => {
      const n = byPath.get(path);
      if (!n) return fallback;
      return n.ambiguous && n.parent ? `${local(n)} (${local(n.parent)})` : local(n);
    },
    number: (n, fractionDigits = 0) => n.toLocaleString(lang, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  };
}

/** Place categories as the web app says them (`placeCategory.*`); trace-words.test.ts holds them equal to its locale files. */
export const PLACE_CATEGORY_WORDS: Record<PrintLanguage, Record<PlaceCategory, string>> = {
  en: {
    school: 'School', kindergarten: 'Kindergarten', hospital: 'Hospital', fuel_station: 'Fuel station', hazardous_chemicals: 'Hazardous chemicals site',
    explosives_magazine: 'Explosives magazine', crowded_place: 'Crowded place', road_black_spot: 'Road black spot', fire_station: 'Fire station',
    police_station: 'Police station', other: 'Other',
  },
  'zh-CN': {
    school: '学校', kindergarten: '幼儿园', hospital: '医院', fuel_station: '加油站', hazardous_chemicals: '危化品场所', explosives_magazine: '爆炸物品仓库',
    crowded_place: '人员密集场所', road_black_spot: '道路事故黑点', fire_station: '消防站', police_station: '派出所', other: '其他',
  },
};
