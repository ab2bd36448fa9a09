import type { GeocodeResult, ReverseGeocodeResponse } from '@firebreak/contracts';
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Entry, Gazetteer, StreetNumbers } from './gazetteer.js';
import { addressLabel } from './gazetteer.js';
import { distanceM, distanceToLineM, type LonLat } from './geo.js';
import { indexTerms, queryTerm, tokenize } from './normalize.js';

/**
 * Search over the gazetteer (pure, in memory): MiniSearch (an inverted index with BM25, prefix
 * and Levenshtein-bounded fuzzy look-up over its radix tree) finds the candidates; the ranking
 * is ours — the share of typed words matched, then the BM25 score, then the distance to `near`,
 * then the importance of the thing.
 */

export interface SearchOptions { near?: LonLat | undefined; limit?: number }

/** Words this long tolerate one typo; this long two (a swap of two letters is two edits). */
const ONE_TYPO = 4, TWO_TYPOS = 6;
/** How far the reverse geocoder looks for a house number and for a street. */
export const REVERSE_ADDRESS_M = 150, REVERSE_STREET_M = 500;
/** Candidates taken from the index before ranking. */
const CANDIDATES = 60;
/**
 * Text relevance is compared in steps of this size: within a step, matches are equal and the
 * nearer to `near` comes first, then the more important. One step up for a house number typed
 * exactly ("12": 12 before 12a and 12b); one down for an address when no number was typed (the
 * street first).
 */
const STEP = 0.05;

const isNumber = (term: string): boolean => /^\d+[a-z]{0,2}$/.test(term);

export class Geocoder {
  private readonly index: MiniSearch<Entry & { id: number }>;

  constructor(private readonly gazetteer: Gazetteer) {
    this.index = new MiniSearch<Entry & { id: number }>({
      fields: ['main', 'number', 'area', 'alt'],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => indexTerms(term),
      searchOptions: {
        tokenize: (text) => tokenize(text),
        processTerm: (term) => queryTerm(term) || null,
        boost: { main: 3, number: 2, area: 1, alt: 2 },
        weights: { fuzzy: 0.5, prefix: 0.6 },
        combineWith: 'OR',
        maxFuzzy: 2,
      },
    });
    this.index.addAll(gazetteer.entries.map((e, id) => ({ ...e, id })));
  }

  get size(): number { return this.gazetteer.entries.length; }

  search(text: string, { near, limit = 8 }: SearchOptions = {}): GeocodeResult[] {
    const terms = tokenize(text).map(queryTerm).filter(Boolean);
    if (terms.length === 0) return [];
    // Search as you type: the last word may be unfinished, unless a space or comma ended it.
    const typing = !/[\s,;]$/.test(text);
    const hits = this.index.search(text, {
      // A single letter is not expanded (it would be the start of a third of all words; "S" is South).
      prefix: (term, i, all) => typing && i === all.length - 1 && (term.length >= 2 || isNumber(term)),
      fuzzy: (term) => (isNumber(term) || /\p{Script=Han}/u.test(term) ? false : term.length >= TWO_TYPOS ? 2 : term.length >= ONE_TYPO ? 1 : false),
    }).slice(0, CANDIDATES);
    if (hits.length === 0) return [];
    const best = hits[0]!.score;
    const total = new Set(terms).size;
    const typed = new Set(terms);
    const hasNumber = terms.some(isNumber);
    const ranked = hits.map((hit) => {
      const entry = this.gazetteer.entries[hit.id as number]!;
      let adjust = 0;
      if (entry.kind === 'address') adjust = typed.has(queryTerm(entry.number)) ? STEP : hasNumber ? 0 : -STEP;
      return this.rank(entry, hit, best, total, near, false, adjust);
    });
    ranked.push(...this.interpolations(terms, hits, best, total, near));
    ranked.sort((a, b) => b.order - a.order);
    const seen = new Set<string>();
    const out: GeocodeResult[] = [];
    for (const r of ranked) {
      const key = `${r.result.kind}|${r.result.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r.result);
      if (out.length === limit) break;
    }
    return out;
  }

  private rank(entry: Entry, hit: Pick<SearchResult, 'score' | 'queryTerms' | 'terms'>, best: number, total: number, near: LonLat | undefined, interpolated: boolean, adjust = 0, label = entry.label, point = entry.point) {
    const relevance = 0.85 * matchQuality(hit, total) + 0.15 * Math.min(1, hit.score / best);
    const distance = near ? distanceM(near, point) : null;
    const proximity = distance === null ? 0 : 1 / (1 + distance / 1000);
    const confidence = Math.round(relevance * (interpolated ? 0.8 : 1) * 100) / 100;
    // Lexicographic: the relevance step, then proximity, then importance (together less than a step).
    const step = Math.round((relevance + adjust) / STEP);
    const order = step * STEP + 0.6 * STEP * proximity + 0.3 * STEP * entry.importance;
    const result: GeocodeResult = {
      label, kind: interpolated ? 'address' : entry.kind, point: { type: 'Point', coordinates: point }, jurisdiction: entry.owner,
      confidence, interpolated, distanceM: distance === null ? null : Math.round(distance),
    };
    return { order, result };
  }

  /**
   * A typed number that no object on a matched street has, placed between its nearest
   * neighbours on that street (same side — odd or even — when there are such), as Nominatim
   * does along `addr:interpolation` lines.
   */
  private interpolations(terms: string[], hits: SearchResult[], best: number, total: number, near: LonLat | undefined) {
    const numbers = terms.filter(isNumber).map((t) => Number(/^\d+/.exec(t)![0]));
    if (numbers.length === 0) return [];
    const out: ReturnType<Geocoder['rank']>[] = [];
    const seen = new Set<string>();
    // The streets of the best hits: the street itself, or one of its addresses (3 typed finds 31 and 35).
    for (const hit of hits.slice(0, 20)) {
      const key = this.gazetteer.entries[hit.id as number]!.streetKey;
      if (!key || seen.has(key) || seen.size === 5) continue;
      seen.add(key);
      const street = this.gazetteer.streets.get(key);
      if (!street) continue;
      const words = hit.queryTerms.filter((t) => !isNumber(t));
      for (const n of numbers) {
        const point = interpolate(street, n);
        if (!point) continue;
        const label = addressLabel(street.street.main, String(n), street.street.area || (street.numbers[0]?.city ?? ''));
        // Typed exactly (a step up) but placed by interpolation (a step down): level with 35 when 3 was typed.
        out.push(this.rank(street.street, { score: hit.score, queryTerms: [...words, String(n)], terms: [...hit.terms, String(n)] }, best, total, near, true, 0, label, point));
      }
    }
    return out;
  }

  /** The nearest house number and street to a point, and the jurisdiction holding it. */
  reverse(p: LonLat): ReverseGeocodeResponse {
    let address: Entry | null = null, street: Entry | null = null;
    let addressM = REVERSE_ADDRESS_M, streetM = REVERSE_STREET_M;
    for (const e of this.gazetteer.entries) {
      if (e.kind === 'address') {
        const d = distanceM(p, e.point);
        if (d <= addressM) { addressM = d; address = e; }
      } else if (e.kind === 'street' && e.lines) {
        for (const line of e.lines) {
          const d = distanceToLineM(p, line);
          if (d <= streetM) { streetM = d; street = e; }
        }
      }
    }
    const found = (e: Entry | null, d: number): GeocodeResult | null => e && {
      label: e.label, kind: e.kind, point: { type: 'Point', coordinates: e.point }, jurisdiction: e.owner,
      confidence: Math.round((1 - d / (e.kind === 'address' ? REVERSE_ADDRESS_M : REVERSE_STREET_M)) * 100) / 100,
      interpolated: false, distanceM: Math.round(d),
    };
    return { address: found(address, addressM), street: found(street, streetM), jurisdiction: this.gazetteer.owner(p) };
  }
}

/** Weight of a typed word that matched as the start of a word, and as a word with typos. */
const PREFIX_QUALITY = 0.8, FUZZY_QUALITY = 0.7;

/**
 * How well the typed words matched an entry, 0-1: the mean over the typed words of 1 (exact),
 * PREFIX_QUALITY (the start of a word: still being typed) or FUZZY_QUALITY (a typo), 0 (no match).
 * BM25 alone counts a word twice when it matched two index terms of one word (Egerta typed:
 * "egertastrasse" and "egertastr"), which ranked Egertastrasse above the street named Egerta.
 */
function matchQuality(hit: Pick<SearchResult, 'queryTerms' | 'terms'>, total: number): number {
  let sum = 0;
  for (const q of new Set(hit.queryTerms)) {
    sum += hit.terms.includes(q) ? 1 : hit.terms.some((t) => t.startsWith(q)) ? PREFIX_QUALITY : FUZZY_QUALITY;
  }
  return Math.min(1, sum / total);
}

/** Where number `n` lies on a street, between the numbers below and above it; null when it is there or outside them. */
export function interpolate(street: StreetNumbers, n: number): LonLat | null {
  const list = street.numbers;
  if (list.length < 2 || list.some((x) => x.n === n)) return null;
  const neighbours = (sameSide: boolean) => {
    const fits = (x: { n: number }) => !sameSide || x.n % 2 === n % 2;
    const below = list.filter((x) => x.n < n && fits(x)).at(-1);
    const above = list.find((x) => x.n > n && fits(x));
    return below && above ? [below, above] as const : null;
  };
  const pair = neighbours(true) ?? neighbours(false);
  if (!pair) return null;
  const [lo, hi] = pair;
  const t = (n - lo.n) / (hi.n - lo.n);
  return [lo.point[0] + t * (hi.point[0] - lo.point[0]), lo.point[1] + t * (hi.point[1] - lo.point[1])];
}
