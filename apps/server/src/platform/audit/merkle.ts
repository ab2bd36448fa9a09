import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 §2.1 (Certificate Transparency v2) over the chained audit rows:
 * a tree head signs the root of the first `treeSize` rows, and a consistency proof shows that a
 * later tree extends an earlier one. Pure; hashes are 32-byte Buffers.
 */

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** MTH({}) = SHA-256 of nothing. */
export const EMPTY_ROOT = sha256();

/** leaf hash = SHA-256(0x00 || leaf data). */
export const leafHash = (data: Buffer): Buffer => sha256(LEAF, data);

/** node hash = SHA-256(0x01 || left || right). */
export const nodeHash = (left: Buffer, right: Buffer): Buffer => sha256(NODE, left, right);

/** The largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH of the leaves [from, to), given their leaf hashes. */
export function subtreeRoot(leaves: readonly Buffer[], from = 0, to = leaves.length): Buffer {
  const n = to - from;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[from]!;
  const k = split(n);
  return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
}

/**
 * The root of a tree fed one leaf hash at a time, keeping only the perfect subtrees of its
 * binary decomposition (at most 64 hashes): the whole log is never held in memory.
 */
export class TreeBuilder {
  /** Perfect subtree roots, largest (leftmost) first, with their sizes. */
  private readonly stack: { size: number; hash: Buffer }[] = [];
  size = 0;

  add(leaf: Buffer): void {
    let node = { size: 1, hash: leaf };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.size === node.size) {
      const left = this.stack.pop()!;
      node = { size: left.size * 2, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.size += 1;
  }

  /** MTH of every leaf added so far: the subtrees folded right to left. */
  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i -= 1) hash = nodeHash(this.stack[i]!.hash, hash);
    return hash;
  }
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the first m leaves are a prefix of all n. */
export function consistencyProof(leaves: readonly Buffer[], m: number): Buffer[] {
  const n = leaves.length;
  if (m < 0 || m > n) throw new RangeError(`consistency proof from ${m} to ${n}`);
  if (m === 0 || m === n) return [];
  const proof: Buffer[] = [];
  subproof(leaves, m, 0, n, true, proof);
  return proof;
}

function subproof(leaves: readonly Buffer[], m: number, from: number, to: number, complete: boolean, out: Buffer[]): void {
  const n = to - from;
  if (m === n) {
    if (!complete) out.push(subtreeRoot(leaves, from, to));
    return;
  }
  const k = split(n);
  if (m <= k) {
    subproof(leaves, m, from, from + k, complete, out);
    out.push(subtreeRoot(leaves, from + k, to));
  } else {
    subproof(leaves, m - k, from + k, to, false, out);
    out.push(subtreeRoot(leaves, from, from + k));
  }
}

/** The verification algorithm of RFC 9162 §2.1.4.2: does `proof` show tree `second` extends tree `first`? */
export function verifyConsistency(
  first: { size: number; root: Buffer },
  second: { size: number; root: Buffer },
  proof: readonly Buffer[],
): boolean {
  if (first.size > second.size || first.size < 0) return false;
  if (first.size === second.size) return proof.length === 0 && first.root.equals(second.root);
  // Every tree extends the empty one; RFC 9162 defines no proof for it.
  if (first.size === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  // Sizes are below 2^53: plain arithmetic, not 32-bit bit operators.
  const lsb = (x: number): boolean => x % 2 === 1;
  const path = isPowerOfTwo(first.size) ? [first.root, ...proof] : [...proof];
  let fn = first.size - 1;
  let sn = second.size - 1;
  while (lsb(fn)) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(first.root) && sr.equals(second.root) && sn === 0;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}
