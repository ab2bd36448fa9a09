import { AvlFix, Id, Timestamp } from '@firebreak/contracts';

/**
 * The MQTT AVL payload, checked by hand with exactly the rules of the contract's `AvlFix` without
 * `unitId` (the topic names the unit). The ingest reads tens of thousands of fixes per second and
 * a zod parse per message was a large share of its CPU (docs/benchmarks.md, "AVL ingest over
 * MQTT: what dominates"). `avl-payload.test.ts` holds both to the same answer on every input
 * (fast-check), so a change to the contract that this file misses fails there.
 */
export const AvlPayload = AvlFix.omit({ unitId: true });

/** The contract's own patterns (zod's compiled format regexes), so the two checks cannot drift. */
export const TIMESTAMP: RegExp = (Timestamp as unknown as { _zod: { pattern: RegExp } })._zod.pattern;
const UUID: RegExp = (Id as unknown as { _zod: { pattern: RegExp } })._zod.pattern;

/** The deployment's MQTT topic root (`MQTT_TOPIC_PREFIX`) when none is configured. */
export const DEFAULT_TOPIC_PREFIX = 'firebreak';
const TOPIC_TAIL = '/position';

/** What a unit's position topic starts with under the deployment's prefix: `<prefix>/units/`. */
export const unitTopicHead = (prefix: string): string => `${prefix}/units/`;

/** The subscription of the AVL ingest: `<prefix>/units/+/position`. */
export const unitPositionFilter = (prefix: string): string => `${unitTopicHead(prefix)}+${TOPIC_TAIL}`;

/** The unit id of `<prefix>/units/<unitId>/position` (`head` = `unitTopicHead(prefix)`), or null for any other topic or a malformed id. */
export function unitIdOfTopic(topic: string, head = 'firebreak/units/'): string | null {
  if (topic.length !== head.length + 36 + TOPIC_TAIL.length || !topic.startsWith(head) || !topic.endsWith(TOPIC_TAIL)) return null;
  const id = topic.slice(head.length, head.length + 36);
  // Not remembered per topic: hashing the fresh topic string for a map costs more than the pattern (profiled).
  return UUID.test(id) ? id : null;
}

function inRange(v: unknown, min: number, max: number): v is number {
  // Finite as zod's z.number() requires; NaN fails both comparisons.
  return typeof v === 'number' && v >= min && v <= max && Number.isFinite(v);
}

/** A fix without its subject (a unit's, a permitted vehicle's): the payload both MQTT topics carry. */
export type PositionPayload = Omit<AvlFix, 'unitId'>;

/** The payload's fields once `checked` accepted it. */
interface Checked {
  location: [number, number];
  at: string;
  speedKmh?: number;
  heading?: number;
}

/**
 * The payload itself when `AvlPayload` (and the transports' `TransportFix`, the same rules) would
 * take it, else null: a plain object with only `location` ([lon, lat] in range), `at` (ISO 8601
 * with offset) and the optional `speedKmh` (0-400) and `heading` (0-360); no other key.
 */
function checked(v: unknown): Checked | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  for (const key in o) {
    if (key !== 'location' && key !== 'at' && key !== 'speedKmh' && key !== 'heading' && Object.prototype.hasOwnProperty.call(o, key)) return null;
  }
  const { location, at, speedKmh, heading } = o;
  if (!Array.isArray(location) || location.length !== 2) return null;
  if (!inRange(location[0], -180, 180) || !inRange(location[1], -90, 90)) return null;
  if (typeof at !== 'string' || !TIMESTAMP.test(at)) return null;
  if (speedKmh !== undefined && !inRange(speedKmh, 0, 400)) return null;
  if (heading !== undefined && !inRange(heading, 0, 360)) return null;
  return o as unknown as Checked;
}

/** The fix in a parsed payload, or null when `AvlPayload` would refuse it (`checked`). */
export function positionFromPayload(v: unknown): PositionPayload | null {
  const c = checked(v);
  if (c === null) return null;
  const location: [number, number] = [c.location[0], c.location[1]];
  const { at, speedKmh, heading } = c;
  // One literal per set of keys (see fixFromPayload).
  if (speedKmh !== undefined) return heading !== undefined ? { location, at, speedKmh, heading } : { location, at, speedKmh };
  return heading !== undefined ? { location, at, heading } : { location, at };
}

/**
 * The fix of `unitId` from a parsed payload, or null when `AvlPayload` would refuse it (`checked`).
 * One object per message, as one literal per set of keys: a key added after its literal would
 * cost the object a second allocation (its out-of-object properties), and spreading a position
 * into a second object a third.
 */
export function fixFromPayload(unitId: string, v: unknown): AvlFix | null {
  const c = checked(v);
  if (c === null) return null;
  const location: [number, number] = [c.location[0], c.location[1]];
  const { at, speedKmh, heading } = c;
  if (speedKmh !== undefined) return heading !== undefined ? { unitId, location, at, speedKmh, heading } : { unitId, location, at, speedKmh };
  return heading !== undefined ? { unitId, location, at, heading } : { unitId, location, at };
}

/**
 * `Date.parse(at)` for a timestamp the contract's pattern accepted (only for those: `checked` made
 * sure). The form devices send, `YYYY-MM-DDTHH:MM:SS.sssZ` (what `toISOString` writes), is read in
 * place, digits to days (proleptic Gregorian, as ECMAScript's time values); any other accepted
 * form (an offset, other fraction digits) goes to `Date.parse`. The ingest reads one per message:
 * this spares it a call into the runtime's date parser; `avl-payload.test.ts` holds both to the
 * same answer.
 */
export function timeOfCheckedAt(at: string): number {
  if (at.length !== 24 || at.charCodeAt(19) !== 46 || at.charCodeAt(23) !== 90) return Date.parse(at);
  const days = daysFromCivil(digits(at, 0, 4), digits(at, 5, 2), digits(at, 8, 2));
  return days * 86_400_000 + digits(at, 11, 2) * 3_600_000 + digits(at, 14, 2) * 60_000 + digits(at, 17, 2) * 1000 + digits(at, 20, 3);
}

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

/** Days from 1970-01-01 to the date (H. Hinnant's `days_from_civil`; month 1-12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The fix of `unitId` (already read from the topic) in one message's payload text; null when the JSON or the fix is not acceptable. */
export function parseAvlText(unitId: string, text: string): AvlFix | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  return fixFromPayload(unitId, v);
}

/** Parses one MQTT message; null when the topic, the JSON or the fix is not acceptable. */
export function parseAvlMessage(topic: string, payload: Buffer, head = 'firebreak/units/'): AvlFix | null {
  const unitId = unitIdOfTopic(topic, head);
  return unitId === null ? null : parseAvlText(unitId, payload.toString('utf8'));
}
