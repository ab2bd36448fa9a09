const TAIL = Buffer.from('/position', 'latin1');
/** An id's text: a UUID, 36 ASCII characters. */
const ID_LENGTH = 36;

/**
 * Known ids of `<head><id>/position` topics (a unit's AVL, a permitted vehicle's fixes), recognised
 * on the topic's bytes as the MQTT reader hands them on: a known id's message yields that id's one
 * string with no string made for it. Read as text, each message cost a topic string, its slice, the
 * UUID pattern and, in the ingest's maps, the hash of that fresh slice (docs/benchmarks.md, "AVL
 * ingest over MQTT: what dominates"). Only a shortcut: a topic it does not know (an id not seen yet,
 * another prefix, a malformed id) is `undefined`, and the caller reads it as text (`idOfTopic`),
 * which decides. `units/unit-topics.test.ts` holds the two to the same answer.
 *
 * `V`: what a known id yields — its one string (the default), or a record the caller keeps for it
 * (the AVL ingest's unit, so that a fix finds its unit's state with no map lookup after this one).
 */
export class TopicIds<V = string> {
  private readonly head: Buffer;
  /** Ids (and what each yields) by the hash of their bytes; a hash shared by two ids holds both. */
  private readonly byHash = new Map<number, { id: string; value: V }[]>();
  private count = 0;

  /**
   * `idOfTopic`: the text path's reading of a whole topic (null when it refuses it); `hash`: of an
   * id's 36 bytes at an offset (tests pass a colliding one); `max`: ids kept before all are forgotten
   * (the transports' come and go; units are kept, with no bound).
   */
  constructor(private readonly headText: string, private readonly idOfTopic: (topic: string, head: string) => string | null,
    private readonly hash: (bytes: Uint8Array, at: number) => number = fnv1a, private readonly max = Infinity) {
    this.head = Buffer.from(headText, 'utf8');
  }

  /**
   * Remembers a known id (its text as the database or the text path gives it). Only an id the text
   * path reads back from its own topic is taken, so `find` never accepts what that path would refuse
   * (any other stays with the text path). True when taken. `value`: what `find` yields for it (the
   * id itself unless given; an id already known keeps its first).
   */
  add(id: string, value: V = id as V): boolean {
    if (this.idOfTopic(`${this.headText}${id}/position`, this.headText) !== id || Buffer.byteLength(id) !== ID_LENGTH) return false;
    const h = this.hash(Buffer.from(id, 'latin1'), 0);
    if (this.byHash.get(h)?.some((e) => e.id === id)) return true;
    if (this.count >= this.max) {
      this.byHash.clear();
      this.count = 0;
    }
    const ids = this.byHash.get(h);
    if (!ids) this.byHash.set(h, [{ id, value }]);
    else ids.push({ id, value });
    this.count++;
    return true;
  }

  /** What the known id whose topic is `bytes[start, end)` yields, or undefined (see the class). */
  find(bytes: Buffer, start: number, end: number): V | undefined {
    const head = this.head;
    const at = start + head.length;
    if (end - start !== head.length + ID_LENGTH + TAIL.length) return undefined;
    for (let k = 0; k < head.length; k++) if (bytes[start + k] !== head[k]) return undefined;
    const tailAt = at + ID_LENGTH;
    for (let k = 0; k < TAIL.length; k++) if (bytes[tailAt + k] !== TAIL[k]) return undefined;
    const ids = this.byHash.get(this.hash(bytes, at));
    if (ids === undefined) return undefined;
    for (const e of ids) {
      const id = e.id;
      let same = true;
      for (let k = 0; k < ID_LENGTH && same; k++) same = bytes[at + k] === id.charCodeAt(k);
      if (same) return e.value;
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
