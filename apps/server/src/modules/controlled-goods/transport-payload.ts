import { Id, type TransportFix } from '@firebreak/contracts';
import { positionFromPayload } from '../units/index.js';

/**
 * The MQTT transport payload, checked by hand with the rules of the contract's `TransportFix` (the
 * units' AVL payload without `unitId`, `positionFromPayload`): a zod parse per message was the
 * largest share of the ingest's own CPU (docs/benchmarks.md, "Transport fixes through MQTT: what
 * dominates"). `transport-payload.test.ts` holds it to the contract on every input (fast-check).
 */

const UUID: RegExp = (Id as unknown as { _zod: { pattern: RegExp } })._zod.pattern;
const TOPIC_TAIL = '/position';

/** What a permit's position topic starts with under the deployment's prefix (`MQTT_TOPIC_PREFIX`): `<prefix>/goods/permits/`. */
export const permitTopicHead = (prefix: string): string => `${prefix}/goods/permits/`;

/** The subscription of the transport ingest: `<prefix>/goods/permits/+/position`. */
export const permitPositionFilter = (prefix: string): string => `${permitTopicHead(prefix)}+${TOPIC_TAIL}`;

/** The permit id of `<prefix>/goods/permits/<id>/position` (`head` = `permitTopicHead(prefix)`), or null for any other topic or a malformed id. */
export function permitIdOfTopic(topic: string, head = 'firebreak/goods/permits/'): string | null {
  if (topic.length !== head.length + 36 + TOPIC_TAIL.length || !topic.startsWith(head) || !topic.endsWith(TOPIC_TAIL)) return null;
  const id = topic.slice(head.length, head.length + 36);
  return UUID.test(id) ? id : null;
}

/** The fix in a parsed payload, or null when `TransportFix` would refuse it. */
export const transportFixFromPayload = (v: unknown): TransportFix | null => positionFromPayload(v);

/** The fix in one message's payload text (its permit read from the topic already); null when the JSON or the fix is not acceptable. */
export function parseTransportText(text: string): TransportFix | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  return transportFixFromPayload(v);
}

/** Parses one MQTT message; null when the topic, the JSON or the fix is not acceptable. */
export function parseTransportMessage(topic: string, payload: Buffer, head = 'firebreak/goods/permits/'): { permitId: string; fix: TransportFix } | null {
  const permitId = permitIdOfTopic(topic, head);
  if (permitId === null) return null;
  const fix = parseTransportText(payload.toString('utf8'));
  return fix === null ? null : { permitId, fix };
}
