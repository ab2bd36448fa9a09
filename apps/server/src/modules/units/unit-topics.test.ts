import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitIdOfTopic, unitTopicHead } from './avl-payload.js';
import { UnitTopics } from './unit-topics.js';

/** A topic as the MQTT reader hands it on: its UTF-8 bytes somewhere inside a larger read. */
function inRead(topic: string): { bytes: Buffer; start: number; end: number } {
  const t = Buffer.from(topic, 'utf8');
  const bytes = Buffer.concat([Buffer.from([0x30, 0x7f, 0, t.length]), t, Buffer.from('{"x":1}')]);
  return { bytes, start: 4, end: 4 + t.length };
}

describe('known units by their topics\' bytes', () => {
  const known: string[] = Array.from({ length: 50 }, () => randomUUID());

  it('finds a known unit as its one id string, and nothing else', () => {
    const topics = new UnitTopics('firebreak');
    for (const id of known) expect(topics.add(id)).toBe(true);
    const hit = inRead(`firebreak/units/${known[7]}/position`);
    // Identity, not equal text: the ingest's maps find the unit by this very string.
    expect(topics.find(hit.bytes, hit.start, hit.end)).toBe(known[7]);
    for (const topic of [
      `firebreak/units/${randomUUID()}/position`,
      `firebreak/units/${known[7]!.toUpperCase()}/position`,
      `firebreak/units/${known[7]}/positions`,
      `firebreak/units/${known[7]}/positioN`,
      `firebreak/unit/${known[7]}/position`,
      `other/units/${known[7]}/position`,
      `firebreak/units/${known[7]!.slice(0, 35)}x/position`,
      '',
    ]) {
      const r = inRead(topic);
      expect(topics.find(r.bytes, r.start, r.end), topic).toBeUndefined();
    }
  });

  it('takes only ids the text path reads back from their topic', () => {
    const topics = new UnitTopics('firebreak');
    expect(topics.add('------------------------------------')).toBe(false);
    expect(topics.add(`${known[0]}x`)).toBe(false);
    expect(topics.add('not a uuid')).toBe(false);
  });

  it.each([
    ['its own hash', undefined],
    // Every id in one bucket: the answer must come from comparing the bytes, not from the hash.
    ['a hash that always collides', () => 0],
  ] as const)('agrees with the text path on every topic, under any prefix (%s)', (_, hash) => {
    const prefix = fc.oneof(fc.constant('firebreak'), fc.string({ minLength: 1, maxLength: 12 }).filter((p) => !/[+#\0]/.test(p)), fc.constant('ärger/ö'));
    const idLike = fc.oneof(fc.constantFrom(...known), fc.uuid().map(String), fc.string({ minLength: 36, maxLength: 36 }), fc.constantFrom(...known).map((id) => id.toUpperCase()));
    const topic = (p: string) => fc.oneof(
      idLike.map((id) => `${unitTopicHead(p)}${id}/position`),
      fc.tuple(idLike, fc.string({ maxLength: 12 })).map(([id, tail]) => `${unitTopicHead(p)}${id}${tail}`),
      fc.tuple(fc.string({ maxLength: 20 }), idLike).map(([head, id]) => `${head}${id}/position`),
    );
    const run = fc.tuple(prefix, fc.integer({ min: 0, max: known.length })).chain(([p, n]) => fc.tuple(fc.constant(p), fc.constant(n), fc.array(topic(p), { maxLength: 20 })));
    fc.assert(fc.property(run, ([p, n, list]) => {
      const topics = new UnitTopics(p, hash);
      const registered = new Set(known.slice(0, n));
      for (const id of registered) topics.add(id);
      for (const t of list) {
        const r = inRead(t);
        const byText = unitIdOfTopic(t, unitTopicHead(p));
        expect(topics.find(r.bytes, r.start, r.end), t).toBe(byText !== null && registered.has(byText) ? byText : undefined);
      }
    }), { numRuns: 3000 });
  });
});
