/** A plain binary min-heap of (key, value) pairs with duplicates allowed (lazy deletion). */
export class MinHeap {
  private keys = new Float64Array(64);
  private values = new Int32Array(64);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[i] = this.keys[p]!;
      this.values[i] = this.values[p]!;
      i = p;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  peekKey(): number {
    return this.size > 0 ? this.keys[0]! : Infinity;
  }

  /** Removes the minimum; read its key with peekKey() first. Returns its value. */
  pop(): number {
    const top = this.values[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const key = this.keys[n]!;
    const value = this.values[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= key) break;
      this.keys[i] = this.keys[c]!;
      this.values[i] = this.values[c]!;
      i = c;
    }
    this.keys[i] = key;
    this.values[i] = value;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
