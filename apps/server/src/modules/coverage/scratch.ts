/**
 * Typed arrays kept between coverage questions instead of allocated per question. At national size
 * (issue 16: 200,000 places) a question needed ~8 MB of fresh array buffers (times, unit slots,
 * ranks, the list's buckets and links); V8 counts array-buffer bytes as external memory and starts
 * full collections on its growth, which were the question's p99 outliers (`--trace-gc`, see
 * docs/benchmarks.md). A view of the length asked is returned; its contents are left over from the
 * last use, so the caller writes (or fills) what it reads. Questions run synchronously, so one
 * scratch per module is never used by two at once; a view must not be kept past the question.
 */
export class Scratch {
  private readonly ints = new Map<string, Int32Array>();
  private readonly floats = new Map<string, Float64Array>();

  int32(name: string, length: number): Int32Array {
    let a = this.ints.get(name);
    if (!a || a.length < length) this.ints.set(name, (a = new Int32Array(roomFor(length))));
    return a.subarray(0, length);
  }

  float64(name: string, length: number): Float64Array {
    let a = this.floats.get(name);
    if (!a || a.length < length) this.floats.set(name, (a = new Float64Array(roomFor(length))));
    return a.subarray(0, length);
  }

  /** Bytes held (the bench's memory line). */
  get bytes(): number {
    let b = 0;
    for (const a of this.ints.values()) b += a.byteLength;
    for (const a of this.floats.values()) b += a.byteLength;
    return b;
  }
}

/** An eighth more than asked (at least 1,024): a list that grows by a few places does not reallocate every time. */
function roomFor(length: number): number {
  return Math.max(1024, length + (length >> 3));
}
