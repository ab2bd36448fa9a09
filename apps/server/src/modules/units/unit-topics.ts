import { unitIdOfTopic, unitTopicHead } from './avl-payload.js';

const TAIL = Buffer.from('/position', 'latin1');
/** A unit id's text: a UUID, 36 ASCII characters. */
const ID_LENGTH = 36;

/**
 * Known units' position topics (`<prefix>/units/<unitId>/position`), recognised on the topic's
 * bytes as the MQTT reader hands them on: a known unit's message yields the unit's one id string
 * with no string made for it. Read as text, each message cost a topic string, its slice, the
 * UUID pattern and, in the ingest's maps, the hash of that fresh slice (docs/benchmarks.md, "AVL
 * ingest over MQTT: what dominates"). Only a shortcut: a topic it does not know (a unit not
 * looked up yet, another prefix, a malformed id) is `undefined`, and the caller reads it as text
 * (`unitIdOfTopic`), which decides. `unit-topics.test.ts` holds the two to the same answer.
 */
export class UnitTopics {
  private readonly headText: string;
  private readonly head: Buffer;
  /** Ids by the hash of their bytes; a hash shared by two ids holds both. */
  private readonly byHash = new Map<number, string[]>();

  /** `hash`: of an id's 36 bytes at an offset; tests pass a colliding one. */
  constructor(prefix: string, private readonly hash: (bytes: Uint8Array, at: number) => number = fnv1a) {
    this.headText = unitTopicHead(prefix);
    this.head = Buffer.from(this.headText, 'utf8');
  }

  /**
   * Remembers a known unit's id (its text as the database returns it). Only an id the text path
   * reads back from its own topic is taken, so `find` never accepts what that path would refuse
   * (any other stays with the text path). True when taken.
   */
  add(id: string): boolean {
    if (unitIdOfTopic(`${this.headText}${id}/position`, this.headText) !== id || Buffer.byteLength(id) !== ID_LENGTH) return false;
    const h = this.hash(Buffer.from(id, 'latin1'), 0);
    const ids = this.byHash.get(h);
    if (!ids) this.byHash.set(h, [id]);
    else if (!ids.includes(id)) ids.push(id);
    return true;
  }

  /** The id of a known unit whose topic is `bytes[start, end)`, or undefined (see the class). */
  find(bytes: Buffer, start: number, end: number): string | undefined {
    const head = this.head;
    const at = start + head.length;
    if (end - start !== head.length + ID_LENGTH + TAIL.length) return undefined;
    for (let k = 0; k < head.length; k++) if (bytes[start + k] !== head[k]) return undefined;
    const tailAt = at + ID_LENGTH;
    for (let k = 0; k < TAIL.length; k++) if (bytes[tailAt + k] !== TAIL[k]) return undefined;
    const ids = this.byHash.get(this.hash(bytes, at));
    if (ids === undefined) return undefined;
    for (const id of ids) {
      let same = true;
      for (let k = 0; k < ID_LENGTH && same; k++) same = bytes[at + k] === id.charCodeAt(k);
      if (same) return id;
    }
    return undefined;
  }
}

/** FNV-1a (32 bits) of the 36 bytes of an id at `at`. */
function fnv1a(bytes: Uint8Array, at: number): number {
  let h = 0x811c9dc5;
  for (let k = at; k < at + ID_LENGTH; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  return h;
}
