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
const TIMESTAMP: RegExp = (Timestamp as unknown as { _zod: { pattern: RegExp } })._zod.pattern;
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

/**
 * The fix in a parsed payload, or null when `AvlPayload` (and the transports' `TransportFix`, the
 * same rules) would refuse it: a plain object with only `location` ([lon, lat] in range), `at` (ISO
 * 8601 with offset) and the optional `speedKmh` (0-400) and `heading` (0-360); no other key.
 */
export function positionFromPayload(v: unknown): PositionPayload | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  for (const key in o) {
    if (key !== 'location' && key !== 'at' && key !== 'speedKmh' && key !== 'heading' && Object.prototype.hasOwnProperty.call(o, key)) return null;
  }
  const { location, at, speedKmh, heading } = o;
  if (!Array.isArray(location) || location.length !== 2) return null;
  const lon: unknown = location[0];
  const lat: unknown = location[1];
  if (!inRange(lon, -180, 180) || !inRange(lat, -90, 90)) return null;
  if (typeof at !== 'string' || !TIMESTAMP.test(at)) return null;
  if (speedKmh !== undefined && !inRange(speedKmh, 0, 400)) return null;
  if (heading !== undefined && !inRange(heading, 0, 360)) return null;
  const fix: PositionPayload = { location: [lon, lat], at };
  if (speedKmh !== undefined) fix.speedKmh = speedKmh;
  if (heading !== undefined) fix.heading = heading;
  return fix;
}

/** The fix of `unitId` from a parsed payload, or null when `AvlPayload` would refuse it (`positionFromPayload`). */
export function fixFromPayload(unitId: string, v: unknown): AvlFix | null {
  const p = positionFromPayload(v);
  return p === null ? null : { unitId, ...p };
}

/** Parses one MQTT message; null when the topic, the JSON or the fix is not acceptable. */
export function parseAvlMessage(topic: string, payload: Buffer, head = 'firebreak/units/'): AvlFix | null {
  const unitId = unitIdOfTopic(topic, head);
  if (unitId === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(payload.toString('utf8'));
  } catch {
    return null;
  }
  return fixFromPayload(unitId, v);
}
