import anyAscii from 'any-ascii';

/**
 * Text normalisation of the geocoder (pure): how a name in OSM and what a dispatcher types meet.
 * Both sides are lower-cased, German umlauts folded two ways (ä → ae and ä → a: "Äule" = "Aeule"
 * = "Aule"), ß → ss, other letters transliterated to ASCII by any-ascii (é → e, ø → o); Chinese
 * (Han) text is kept and cut into characters and pairs of characters, as a Chinese search box
 * does without a dictionary.
 */

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const GERMAN_AE: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const GERMAN_A: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };

/**
 * Abbreviations a caller or dispatcher types, with the word OSM spells out. The index keeps the
 * short form beside the long one, so that "Str." finds "Strasse", "St." finds "Street" and
 * "Saint", and "Ave" finds "Avenue".
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  strasse: 'str', street: 'st', saint: 'st', avenue: 'ave', road: 'rd', drive: 'dr', boulevard: 'blvd',
  lane: 'ln', place: 'pl', court: 'ct', square: 'sq', terrace: 'ter', highway: 'hwy', parkway: 'pkwy',
  mount: 'mt', north: 'n', south: 's', east: 'e', west: 'w', platz: 'pl', gasse: 'g',
};
/** German street words written as a suffix ("Äulestrasse", "Äulestr."). */
const GERMAN_SUFFIXES: readonly [string, string][] = [['strasse', 'str']];

/** Words of a text as typed or stored: split at spaces and punctuation; Han runs cut into characters and pairs. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.normalize('NFC').split(/[\s,;:/()"“”„+&|]+|(?<=\p{L})-|-(?=\p{L})/u)) {
    if (raw === '') continue;
    if (!HAN.test(raw)) { out.push(raw); continue; }
    const rest = raw.replace(HAN_RUN, ' ').trim();
    if (rest) out.push(...rest.split(/\s+/));
    for (const run of raw.match(HAN_RUN) ?? []) out.push(...hanGrams(run));
  }
  return out;
}

/** The characters and the pairs of neighbouring characters of a run of Han text. */
function hanGrams(run: string): string[] {
  const chars = [...run];
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

function fold(word: string, german: Record<string, string>): string {
  const lower = word.toLowerCase().replace(/[äöüß]/g, (c) => german[c]!);
  if (HAN.test(lower)) return lower;
  return anyAscii(lower).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A typed word as it is looked up: lower case, ä → ae, ASCII, dots and apostrophes gone. */
export function queryTerm(word: string): string {
  return fold(word, GERMAN_AE);
}

/** The terms a stored word is indexed under: both umlaut foldings, the abbreviation, a house number's digits. */
export function indexTerms(word: string): string[] {
  const terms = new Set<string>();
  for (const base of [fold(word, GERMAN_AE), fold(word, GERMAN_A)]) {
    if (base === '') continue;
    terms.add(base);
    const short = ABBREVIATIONS[base];
    if (short) terms.add(short);
    for (const [suffix, abbreviated] of GERMAN_SUFFIXES) {
      if (base.endsWith(suffix) && base.length > suffix.length) terms.add(base.slice(0, -suffix.length) + abbreviated);
    }
    const digits = /^(\d+)[a-z]{1,2}$/.exec(base);
    if (digits) terms.add(digits[1]!);
  }
  return [...terms];
}

/** A house number as a number ("20a" → 20), or null. */
export function houseNumberValue(housenumber: string): number | null {
  const m = /^\s*(\d{1,6})/.exec(housenumber);
  return m ? Number(m[1]) : null;
}

/** The key under which names are the same street: folded words ("Äulestr." and "Aeulestrasse" differ — OSM spells names out). */
export function nameKey(name: string): string {
  return tokenize(name).map(queryTerm).join(' ');
}
