/**
 * The road graph's one indexed binary min-heap (decrease-key), over typed arrays: items are
 * integers below `items` (routing nodes for Dijkstra and the maintained Voronoi labels,
 * state indices for the turn-aware A*), each in the heap at most once. Ordered by a Float64 key
 * and then an Int32 tie (MaintainedOrigins' `(time, origin id)` pair; 0 for the others), both
 * kept in heap order beside the item so a sift compares neighbouring slots instead of reading a
 * per-node array at random. Only the item -> slot array (`pos`, -1 when not queued) is the size
 * of the graph (4 bytes an item); the slot arrays grow with the largest frontier. Popping and
 * `clear` keep `pos` at -1, so the heap is reused across searches without an O(items) reset.
 *
 * Hand-written on purpose: it is the inner loop of every Dijkstra (no library heap keeps
 * positions in typed arrays or takes a tie-breaker without a comparator call).
 */
export class IndexedHeap {
  /** Slot arrays in heap order: as long as the most items queued at once so far (a search's frontier, not the graph). */
  private item: Int32Array;
  private key: Float64Array;
  private tie: Int32Array;
  /** Per item: its slot, -1 when not queued (4 bytes an item: the only array the size of the graph). */
  private pos: Int32Array;
  size = 0;

  constructor(items: number, slots = 1024) {
    const n = Math.max(1, Math.min(items, slots));
    this.item = new Int32Array(n);
    this.key = new Float64Array(n);
    this.tie = new Int32Array(n);
    this.pos = new Int32Array(items).fill(-1);
  }

  /** Items it can hold: 0 .. items - 1. */
  get items(): number {
    return this.pos.length;
  }

  /** Lets items up to `items` - 1 in (the turn search's states grow while it runs). */
  reserve(items: number): void {
    if (items <= this.pos.length) return;
    const pos = new Int32Array(Math.max(items, 2 * this.pos.length)).fill(-1);
    pos.set(this.pos);
    this.pos = pos;
  }

  has(item: number): boolean {
    return this.pos[item]! >= 0;
  }

  /** Key of the minimum, Infinity when empty. */
  peekKey(): number {
    return this.size > 0 ? this.key[0]! : Infinity;
  }

  /**
   * Queues `item` at (key, tie), or moves it up to there when it is queued already: the caller
   * lowers an item's key only (Dijkstra's decrease-key), never raises it.
   */
  decrease(item: number, key: number, tie = 0): void {
    let i = this.pos[item]!;
    if (i < 0) {
      if (this.size === this.item.length) this.growSlots();
      i = this.size++;
    }
    this.siftUp(i, item, key, tie);
  }

  /** Removes and returns the minimum item (read its key with `peekKey` first). */
  pop(): number {
    const top = this.item[0]!;
    this.pos[top] = -1;
    const n = --this.size;
    if (n > 0) this.siftDown(this.item[n]!, this.key[n]!, this.tie[n]!, n);
    return top;
  }

  /** Empties the heap (O(items still queued), not O(capacity)). */
  clear(): void {
    const { item, pos } = this;
    for (let i = 0; i < this.size; i++) pos[item[i]!] = -1;
    this.size = 0;
  }

  private growSlots(): void {
    const n = this.item.length * 2;
    const item = new Int32Array(n), key = new Float64Array(n), tie = new Int32Array(n);
    item.set(this.item); key.set(this.key); tie.set(this.tie);
    this.item = item; this.key = key; this.tie = tie;
  }

  private siftUp(i: number, v: number, k: number, t: number): void {
    const { item, key, tie, pos } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = key[p]!;
      if (pk < k || (pk === k && tie[p]! <= t)) break;
      const pv = item[p]!;
      item[i] = pv; key[i] = pk; tie[i] = tie[p]!; pos[pv] = i;
      i = p;
    }
    item[i] = v; key[i] = k; tie[i] = t; pos[v] = i;
  }

  /** Places (v, k, t) from the root down, in a heap of n items. */
  private siftDown(v: number, k: number, t: number, n: number): void {
    const { item, key, tie, pos } = this;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ck = key[c]!;
      const r = c + 1;
      if (r < n) {
        const rk = key[r]!;
        if (rk < ck || (rk === ck && tie[r]! < tie[c]!)) { c = r; ck = rk; }
      }
      if (ck > k || (ck === k && tie[c]! >= t)) break;
      const cv = item[c]!;
      item[i] = cv; key[i] = ck; tie[i] = tie[c]!; pos[cv] = i;
      i = c;
    }
    item[i] = v; key[i] = k; tie[i] = t; pos[v] = i;
  }
}
