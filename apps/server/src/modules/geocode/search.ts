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
/** What an exactly typed house number adds to the order (about one word matched of eight: it outweighs the extra prefix match of 12b). */
const EXACT_NUMBER = 0.08;

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
      prefix: (term, i, all) => typing && i === all.length - 1,
      fuzzy: (term) => (isNumber(term) || /\p{Script=Han}/u.test(term) ? false : term.length >= TWO_TYPOS ? 2 : term.length >= ONE_TYPO ? 1 : false),
    }).slice(0, CANDIDATES);
    if (hits.length === 0) return [];
    const best = hits[0]!.score;
    const total = new Set(terms).size;
    const typed = new Set(terms);
    const ranked = hits.map((hit) => {
      const entry = this.gazetteer.entries[hit.id as number]!;
      const r = this.rank(entry, hit, best, total, near, false);
      // "12" typed: number 12 before 12a and 12b, which are indexed under 12 too.
      if (entry.kind === 'address' && typed.has(queryTerm(entry.number))) r.order += EXACT_NUMBER;
      return r;
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

  private rank(entry: Entry, hit: Pick<SearchResult, 'score' | 'queryTerms'>, best: number, total: number, near: LonLat | undefined, interpolated: boolean, label = entry.label, point = entry.point) {
    const coverage = Math.min(1, new Set(hit.queryTerms).size / total);
    const relevance = 0.65 * coverage + 0.35 * Math.min(1, hit.score / best);
    const distance = near ? distanceM(near, point) : null;
    const proximity = distance === null ? 0 : 1 / (1 + distance / 1000);
    const confidence = Math.round(relevance * (interpolated ? 0.8 : 1) * 100) / 100;
    const order = relevance * (interpolated ? 0.97 : 1) + 0.12 * proximity + 0.06 * entry.importance;
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
    for (const hit of hits.slice(0, 10)) {
      const entry = this.gazetteer.entries[hit.id as number]!;
      if (entry.kind !== 'street' || !entry.streetKey) continue;
      const street = this.gazetteer.streets.get(entry.streetKey)!;
      for (const n of numbers) {
        const point = interpolate(street, n);
        if (!point) continue;
        const label = addressLabel(entry.main, String(n), entry.area);
        out.push(this.rank(entry, { score: hit.score, queryTerms: [...hit.queryTerms, String(n)] }, best, total, near, true, label, point));
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
