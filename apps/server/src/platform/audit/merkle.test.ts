import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, TreeBuilder, consistencyProof, leafHash, subtreeRoot, verifyConsistency } from './merkle.js';

/** MTH written straight from RFC 9162 §2.1.1, on slices, as a reference. */
function naiveRoot(data: Buffer[]): Buffer {
  const h = (...p: Buffer[]) => createHash('sha256').update(Buffer.concat(p)).digest();
  if (data.length === 0) return h();
  if (data.length === 1) return h(Buffer.from([0]), data[0]!);
  let k = 1;
  while (k * 2 < data.length) k *= 2;
  return h(Buffer.from([1]), naiveRoot(data.slice(0, k)), naiveRoot(data.slice(k)));
}

// The test vectors of RFC 6962 (same tree hash as RFC 9162), as used by the certificate-transparency projects.
const VECTOR_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((x) => Buffer.from(x, 'hex'));
const VECTOR_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const leavesOf = (n: number, salt = 0): Buffer[] => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`row-${salt}-${i}`)));

describe('Merkle tree hash (RFC 9162 §2.1.1)', () => {
  it('gives the published roots of the RFC 6962 test vectors', () => {
    expect(subtreeRoot([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= VECTOR_LEAVES.length; n += 1) {
      const leaves = VECTOR_LEAVES.slice(0, n).map(leafHash);
      expect(subtreeRoot(leaves).toString('hex'), `size ${n}`).toBe(VECTOR_ROOTS[n - 1]);
    }
  });

  it('equals the definition on slices, whether built at once or one leaf at a time', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 70 }), (raw) => {
      const data = raw.map((d) => Buffer.from(d));
      const leaves = data.map(leafHash);
      const builder = new TreeBuilder();
      for (const l of leaves) builder.add(l);
      const expected = naiveRoot(data);
      expect(subtreeRoot(leaves).equals(expected)).toBe(true);
      expect(builder.root().equals(expected)).toBe(true);
      expect(builder.size).toBe(data.length);
    }));
    expect(new TreeBuilder().root().equals(EMPTY_ROOT)).toBe(true);
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  const sizes = fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('a proof from any earlier size verifies against both roots', () => {
    fc.assert(fc.property(sizes, ([m, n]) => {
      const leaves = leavesOf(n);
      const proof = consistencyProof(leaves, m);
      const first = { size: m, root: subtreeRoot(leaves, 0, m) };
      const second = { size: n, root: subtreeRoot(leaves) };
      expect(verifyConsistency(first, second, proof)).toBe(true);
      // A proof has at most ~2 log2(n) hashes.
      expect(proof.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n + 1)) + 1);
    }));
  });

  it('fails when the earlier tree was rewritten, truncated or the proof altered', () => {
    fc.assert(fc.property(sizes.filter(([m, n]) => m > 0 && m < n), fc.nat(), ([m, n], pick) => {
      const leaves = leavesOf(n);
      const proof = consistencyProof(leaves, m);
      const second = { size: n, root: subtreeRoot(leaves) };
      // The old head was of a log whose row `pick` differed: the current log does not extend it.
      const rewritten = leavesOf(m, 1);
      expect(verifyConsistency({ size: m, root: subtreeRoot(rewritten) }, second, proof)).toBe(false);
      // Same root claimed for another size.
      expect(verifyConsistency({ size: m + 1, root: subtreeRoot(leaves, 0, m) }, second, proof)).toBe(false);
      if (proof.length > 0) {
        const bad = proof.map((p, i) => (i === pick % proof.length ? leafHash(p) : p));
        expect(verifyConsistency({ size: m, root: subtreeRoot(leaves, 0, m) }, second, bad)).toBe(false);
        expect(verifyConsistency({ size: m, root: subtreeRoot(leaves, 0, m) }, second, proof.slice(0, -1))).toBe(false);
      }
    }));
  });

  it('equal sizes need equal roots and no proof; a larger earlier tree never verifies', () => {
    const leaves = leavesOf(5);
    const root = subtreeRoot(leaves);
    expect(verifyConsistency({ size: 5, root }, { size: 5, root }, [])).toBe(true);
    expect(verifyConsistency({ size: 5, root }, { size: 5, root: subtreeRoot(leaves, 0, 4) }, [])).toBe(false);
    expect(verifyConsistency({ size: 6, root }, { size: 5, root }, [])).toBe(false);
    expect(() => consistencyProof(leaves, 6)).toThrow(RangeError);
  });
});
