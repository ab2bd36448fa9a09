import { Id, type TransportFix } from '@firebreak/contracts';
import { positionFromPayload } from '../units/index.js';

/**
 * The MQTT transport payload, checked by hand with the rules of the contract's `TransportFix` (the
 * units' AVL payload without `unitId`, `positionFromPayload`): a zod parse per message was the
 * largest share of the ingest's own CPU (docs/benchmarks.md, "Transport fixes through MQTT: what
 * dominates"). `transport-payload.test.ts` holds it to the contract on every input (fast-check).
 */

const UUID: RegExp = (Id as unknown as { _zod: { pattern: RegExp } })._zod.pattern;
const TOPIC_HEAD = 'firebreak/goods/permits/';
const TOPIC_TAIL = '/position';
const TOPIC_LENGTH = TOPIC_HEAD.length + 36 + TOPIC_TAIL.length;

/** The permit id of `firebreak/goods/permits/<id>/position`, or null for any other topic or a malformed id. */
export function permitIdOfTopic(topic: string): string | null {
  if (topic.length !== TOPIC_LENGTH || !topic.startsWith(TOPIC_HEAD) || !topic.endsWith(TOPIC_TAIL)) return null;
  const id = topic.slice(TOPIC_HEAD.length, TOPIC_HEAD.length + 36);
  return UUID.test(id) ? id : null;
}

/** The fix in a parsed payload, or null when `TransportFix` would refuse it. */
export const transportFixFromPayload = (v: unknown): TransportFix | null => positionFromPayload(v);

/** Parses one MQTT message; null when the topic, the JSON or the fix is not acceptable. */
export function parseTransportMessage(topic: string, payload: Buffer): { permitId: string; fix: TransportFix } | null {
  const permitId = permitIdOfTopic(topic);
  if (permitId === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(payload.toString('utf8'));
  } catch {
    return null;
  }
  const fix = transportFixFromPayload(v);
  return fix === null ? null : { permitId, fix };
}
