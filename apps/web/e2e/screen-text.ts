/**
 * What counts as "raw" text on a screen (issue 14 §3): the rules of the every-screen walk
 * (`screens-walk.ts`), pure and unit-tested (`screen-text.test.ts`) so that a new screen is
 * checked by the same rules and a failure says which rule, which text and where.
 *
 * Two kinds of rule:
 * - RAW_PATTERNS, in every language: something the code should have turned into words — a
 *   jurisdiction path, an event/audit/i18n key, a snake_case enum value, an ISO timestamp, an
 *   unfilled {{placeholder}}, "undefined"/"NaN", a decimal of minutes, the importer's name for an
 *   unnamed OSM place.
 * - In zh-CN, any Latin-letter word that is neither data (proper names: places, streets, units'
 *   call signs, people, what a user typed — given per run as `data`) nor on ZH_ALLOWED_WORDS
 *   (product and data-source names, codes that are the same in Chinese: P1, MFA, ID, CSV…).
 *   Key caps (`<kbd>`) are exempt: a key is labelled as it is printed on the keyboard; so is a
 *   file format's sample in `<code>` (its field names are the format's, in every language).
 *
 * To allow a new word, add it to ZH_ALLOWED_WORDS with why; to allow a data string, pass it in
 * `data` (the walk adds every place, unit, jurisdiction, account and seeded text it knows of).
 */

/** One piece of text on a screen and where it was found (a `data-testid` path or a tag). */
export interface ScreenText {
  text: string;
  /** e.g. `unit-board > unit-row > span` or `[aria-label] button`. */
  where: string;
  /** `text` (a visible text node), `attr:<name>` (title, aria-label, placeholder, alt), `title` (document.title), `kbd` (a key cap). */
  source: string;
}

export interface RawFinding {
  rule: string;
  match: string;
  text: string;
  where: string;
}

/** Rules for every language. Each one names what it catches, for the failure message. */
const PATH = /^[a-z]{2}(?:\.[a-z0-9_-]+)+$/;
/** A file's name (an evidence photo, an export) is no key. */
const FILE_NAME = /\.(?:csv|html?|pdf|png|jpe?g|webp|gif|pbf|json|txt|xlsx?)$/i;

export const RAW_PATTERNS: readonly { rule: string; pattern: RegExp; skip?: (match: string) => boolean }[] = [
  // li, li.oberland.vaduz — a path where the jurisdiction's name belongs (two-letter country code first).
  { rule: 'jurisdiction path', pattern: /(?<![\w.@/-])[a-z]{2}(?:\.[a-z0-9_-]+)+(?![\w.@/-])/g },
  // dispatch.unit_reassigned, incidents.tierMissed, alerts.panel.title (an event/audit action or a missing i18n key).
  { rule: 'dotted key', pattern: /(?<![\w.@/-])[a-z][a-z0-9]*(?:[_A-Z][a-zA-Z0-9]*)*(?:\.[a-z][a-zA-Z0-9_]*)+(?![\w@/-])/g, skip: (m) => PATH.test(m) || FILE_NAME.test(m) },
  // campus_incident, off_duty, breathing_apparatus — an enum value shown as it is stored.
  { rule: 'snake_case key', pattern: /(?<![\w.@/-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])/g },
  // 2026-12-06T09:03:01Z — a timestamp as the wire carries it, not in the user's locale and time zone.
  { rule: 'ISO timestamp', pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g },
  { rule: 'unfilled placeholder', pattern: /\{\{\s*\w+\s*\}\}/g },
  // "school (OSM way 27422342)": the importer's unique name for a place OSM left unnamed; screens say its category and where it is.
  { rule: 'generated place name', pattern: /\(OSM (?:node|way|relation) \d+\)/g },
  { rule: 'missing value', pattern: /\b(?:undefined|NaN|null|\[object Object\])\b/g },
  // "0.04 min": durations are m:ss.
  { rule: 'decimal minutes', pattern: /\b\d+\.\d+\s*(?:min|分钟)/g },
];

/**
 * Latin-letter words a Chinese screen may show. Keep each with its reason; compare case-sensitively
 * (an English "Open" is not the code "OPEN").
 */
export const ZH_ALLOWED_WORDS: ReadonlySet<string> = new Set([
  // The product and the data's sources and licence (credited by name, as the licence asks).
  'Firebreak', 'OpenStreetMap', 'OSM', 'MapLibre', 'ODbL',
  // Codes used as they are in Chinese public-safety work and software.
  'P1', 'P2', 'P3', 'P4', 'ID', 'MFA', 'CSV', 'JSON', 'HTML', 'PDF', 'ETA', 'GPS', 'AVL', 'API', 'URL', 'PNG', 'JPEG', 'TOTP', 'QR', 'OK',
  'km', 'm', 'h', 'KB', 'MB',
  // The language switch names each language in itself.
  'English',
  // Standards cited by their designation, as Chinese texts cite them (NFPA 1710 response-time components;
  // OASIS CAP 1.2 public alerts and their Atom feed, RFC 4287: the formats a public feed reader asks for by name).
  'NFPA', 'CAP', 'Atom',
  // Keys as printed on the keyboard (a shortcut named in a label or title).
  'Esc', 'Enter', 'Ctrl', 'Shift', 'Alt', 'Tab',
]);

/** Case-sensitive tokens that are codes whatever their letters: digits mixed in (P1, B2, 112, 3a). */
const CODE = /^(?=.*\d)[A-Za-z0-9]+$/;

/** A zh-CN text's Latin-letter words that are neither data nor allowed. */
export function englishWords(text: string, data: readonly string[]): string[] {
  // Longest first, so "Florian Vaduz TLF" goes before "Vaduz".
  // Record ids (an audit row's UUID) are codes, not words.
  const rest = maskData(text, [...data].sort((a, b) => b.length - a.length)).replace(/\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/g, ' ');
  const words = rest.match(/[A-Za-z][A-Za-z0-9'’-]*/g) ?? [];
  return words.filter((w) => !ZH_ALLOWED_WORDS.has(w) && !CODE.test(w));
}

/**
 * Every rule a screen's texts break, one finding per rule, match and place. `data` are strings
 * that are data, not UI (proper names, usernames such as `duty.oberland`, typed text): what lies
 * inside one is exempt from every rule.
 */
export function rawFindings(texts: readonly ScreenText[], language: string, data: readonly string[]): RawFinding[] {
  const sorted = [...new Set(data)].filter((d) => d.trim().length > 0).sort((a, b) => b.length - a.length);
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  const add = (f: RawFinding) => {
    const key = `${f.rule}|${f.match}|${f.where}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  };
  for (const t of texts) {
    // Data is exempt from the key patterns too when the whole match lies inside it (a username such as duty.oberland).
    const masked = maskData(t.text, sorted);
    let unraw = masked;
    for (const { rule, pattern, skip } of RAW_PATTERNS) {
      for (const m of masked.matchAll(pattern)) {
        if (skip?.(m[0])) continue;
        add({ rule, match: m[0], text: t.text, where: t.where });
        unraw = unraw.split(m[0]).join(' '); // reported once, as raw, not again word by word
      }
    }
    if (language.startsWith('zh') && t.source !== 'kbd' && t.source !== 'code') {
      for (const w of englishWords(unraw, [])) add({ rule: 'English word in zh-CN', match: w, text: t.text, where: t.where });
    }
  }
  return out;
}

/** The text with each data string replaced by spaces of the same length. */
function maskData(text: string, sortedData: readonly string[]): string {
  let out = text;
  for (const d of sortedData) if (d && out.includes(d)) out = out.split(d).join(' '.repeat(d.length));
  return out;
}

/** One line per finding, for a test failure: the screen, the rule, the offending piece and its text. */
export function describeFindings(screen: string, findings: readonly RawFinding[]): string[] {
  return findings.map((f) => `${screen}: ${f.rule} «${f.match}» in "${clip(f.text)}" at ${f.where}`);
}

const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s).replace(/\s+/g, ' ');
