import type { AvlFix } from '@firebreak/contracts';
import { parseAvlText, positionFromPayload, TIMESTAMP, type PositionPayload } from './avl-payload.js';

/**
 * A position payload read straight from its bytes when it is in the form devices send —
 * `{"location":[lon,lat],"at":"…","speedKmh":n,"heading":n}`, the keys in that order (the last two
 * optional), no whitespace, what `JSON.stringify` of a fix writes — without `JSON.parse`: no object
 * and array for the parse, then a second for the fix. Anything else (another key order, whitespace,
 * escapes, an unknown key, a value out of range, non-ASCII) goes to `JSON.parse` and the hand check
 * (`avl-payload.ts`), which decide; this reader only ever answers what that path would
 * (`position-text.test.ts`, fast-check on any payload and on the canonical form changed a character
 * at a time). The numbers' text is read by `Number`, which for a JSON number's grammar (checked here
 * first) gives the very double `JSON.parse` gives. The ingest's single largest cost was `JSON.parse`
 * (docs/benchmarks.md, "AVL ingest over MQTT: what dominates").
 */

const HEAD = '{"location":[';
const AT = '],"at":"';
const SPEED = ',"speedKmh":';
const HEADING = ',"heading":';

// What `scan` read, held here rather than in an object per message (read at once by the caller).
let lon = 0;
let lat = 0;
let at = '';
let speedKmh: number | undefined;
let heading: number | undefined;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** 10^0 … 10^15, each exact (read from its decimal text). */
const POWERS = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));

/** The value of the number `numberEnd` read last. */
let value = 0;

/**
 * Where the JSON number starting at `i` ends, or -1 when there is none (JSON's grammar, RFC 8259
 * §6); its value in `value`. An integer of at most 15 digits (a speed, a heading) is summed as it
 * is read, exactly; any other number's text goes to `Number`.
 */
function numberEnd(s: string, i: number): number {
  const from = i;
  let c = s.charCodeAt(i);
  const negative = c === 45;
  if (negative) c = s.charCodeAt(++i);
  let int = 0;
  if (c === 48) i++;
  else if (c >= 49 && c <= 57) {
    int = c - 48;
    for (c = s.charCodeAt(++i); isDigit(c); c = s.charCodeAt(++i)) int = int * 10 + c - 48;
  } else return -1;
  c = s.charCodeAt(i);
  if (c !== 46 && c !== 101 && c !== 69 && i - from <= 15) {
    value = negative ? -int : int;
    return i;
  }
  if (c === 46) {
    const point = i;
    c = s.charCodeAt(++i);
    if (!isDigit(c)) return -1;
    for (; isDigit(c); c = s.charCodeAt(++i)) int = int * 10 + c - 48;
    // At most 15 digits in all: the digits are an exact integer below 2^53 and 10^k (k ≤ 15) an exact
    // double, so their quotient, correctly rounded by IEEE 754, is the decimal's nearest double (the
    // number as Number and JSON.parse read it; Clinger's fast path).
    if (c !== 101 && c !== 69 && i - from - (negative ? 2 : 1) <= 15) {
      value = (negative ? -int : int) / POWERS[i - point - 1]!;
      return i;
    }
  }
  if (c === 101 || c === 69) {
    c = s.charCodeAt(++i);
    if (c === 43 || c === 45) c = s.charCodeAt(++i);
    if (!isDigit(c)) return -1;
    while (isDigit(s.charCodeAt(++i)));
  }
  value = Number(s.slice(from, i));
  return i;
}

/** As `avl-payload.ts`'s: finite and within the bounds (NaN fails both comparisons). */
const inRange = (v: number, min: number, max: number): boolean => v >= min && v <= max;

/**
 * True when `s` (the payload's bytes as latin1: one character per byte) is a position in the
 * canonical form that the contract accepts; its fields are then in the module's variables. False
 * says nothing: the caller asks `JSON.parse`.
 */
function scan(s: string): boolean {
  if (!s.startsWith(HEAD)) return false;
  let i = HEAD.length;
  let end = numberEnd(s, i);
  if (end < 0 || s.charCodeAt(end) !== 44) return false;
  lon = value;
  i = end + 1;
  end = numberEnd(s, i);
  if (end < 0 || !s.startsWith(AT, end)) return false;
  lat = value;
  i = end + AT.length;
  end = i;
  // The text up to the closing quote: printable ASCII without escapes, so JSON.parse would read it as it stands.
  for (let c = s.charCodeAt(end); c !== 34; c = s.charCodeAt(++end)) if (!(c >= 32 && c < 127) || c === 92) return false;
  at = s.slice(i, end);
  i = end + 1;
  speedKmh = undefined;
  heading = undefined;
  if (s.startsWith(SPEED, i)) {
    i += SPEED.length;
    end = numberEnd(s, i);
    if (end < 0) return false;
    speedKmh = value;
    i = end;
  }
  if (s.startsWith(HEADING, i)) {
    i += HEADING.length;
    end = numberEnd(s, i);
    if (end < 0) return false;
    heading = value;
    i = end;
  }
  if (i !== s.length - 1 || s.charCodeAt(i) !== 125) return false;
  return inRange(lon, -180, 180) && inRange(lat, -90, 90) && TIMESTAMP.test(at)
    && (speedKmh === undefined || inRange(speedKmh, 0, 400)) && (heading === undefined || inRange(heading, 0, 360));
}

/** The fix of `unitId` in a message's payload (`bytes[start, end)`), or null when `AvlPayload` would refuse it. */
export function avlFixOfBytes(unitId: string, bytes: Buffer, start: number, end: number): AvlFix | null {
  if (!scan(bytes.toString('latin1', start, end))) return parseAvlText(unitId, bytes.toString('utf8', start, end));
  const location: [number, number] = [lon, lat];
  // One literal per set of keys, as `fixFromPayload`.
  if (speedKmh !== undefined) return heading !== undefined ? { unitId, location, at, speedKmh, heading } : { unitId, location, at, speedKmh };
  return heading !== undefined ? { unitId, location, at, heading } : { unitId, location, at };
}

/** The position in a message's payload (`bytes[start, end)`) without a subject (a permitted vehicle's), or null when the contract would refuse it. */
export function positionOfBytes(bytes: Buffer, start: number, end: number): PositionPayload | null {
  if (!scan(bytes.toString('latin1', start, end))) {
    let v: unknown;
    try {
      v = JSON.parse(bytes.toString('utf8', start, end));
    } catch {
      return null;
    }
    return positionFromPayload(v);
  }
  const location: [number, number] = [lon, lat];
  if (speedKmh !== undefined) return heading !== undefined ? { location, at, speedKmh, heading } : { location, at, speedKmh };
  return heading !== undefined ? { location, at, heading } : { location, at };
}
