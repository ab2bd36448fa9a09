import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopicIds } from '../../platform/mqtt/topic-ids.js';
import { permitIdOfTopic, permitTopicHead } from './transport-payload.js';

/** A topic as the MQTT reader hands it on: its UTF-8 bytes somewhere inside a larger read. */
function inRead(topic: string): { bytes: Buffer; start: number; end: number } {
  const t = Buffer.from(topic, 'utf8');
  const bytes = Buffer.concat([Buffer.from([0x32, 0x7f, 0, t.length]), t, Buffer.from([0, 1]), Buffer.from('{"x":1}')]);
  return { bytes, start: 4, end: 4 + t.length };
}

describe("the transport ingest's permits by their topics' bytes", () => {
  it('answers as the text path for any topic, for permits seen and not, under any prefix', () => {
    fc.assert(fc.property(fc.constantFrom('firebreak', 'bench-geofence-1', 'a/b'), fc.array(fc.uuid(), { minLength: 1, maxLength: 20 }), fc.nat(), fc.string(), (prefix, ids, k, junk) => {
      const head = permitTopicHead(prefix);
      const topics = new TopicIds(head, permitIdOfTopic, undefined, 20_000);
      const seen = ids.slice(0, Math.max(1, ids.length - 1));
      for (const id of seen) topics.add(id);
      for (const topic of [`${head}${ids[k % ids.length]}/position`, `${head}${ids[0]}/positio`, `${head}${junk}/position`, `x${head}${ids[0]}/position`]) {
        const r = inRead(topic);
        const found = topics.find(r.bytes, r.start, r.end);
        // A hit is exactly what the text path reads; a miss is left to the text path.
        if (found !== undefined) expect(found).toBe(permitIdOfTopic(topic, head));
        else if (seen.includes(permitIdOfTopic(topic, head) ?? '')) throw new Error(`a seen permit was missed: ${topic}`);
      }
    }));
  });

  it('forgets all past its bound (permits end) and finds what it learns after', () => {
    const head = permitTopicHead('firebreak');
    const topics = new TopicIds(head, permitIdOfTopic, undefined, 2);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const find = (id: string) => { const r = inRead(`${head}${id}/position`); return topics.find(r.bytes, r.start, r.end); };
    topics.add(a);
    topics.add(b);
    topics.add(b);
    expect([find(a), find(b)]).toEqual([a, b]);
    topics.add(c);
    expect([find(a), find(b), find(c)]).toEqual([undefined, undefined, c]);
  });
});
