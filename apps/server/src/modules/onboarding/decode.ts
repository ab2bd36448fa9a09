import type { OnboardEncoding } from '@firebreak/contracts';

/** A file that cannot be read as a whole (wrong kind of file, wrong encoding, wrong columns): nothing is imported. */
export class OnboardFileError extends Error {}

/** Signatures of files people upload by mistake instead of a CSV or GeoJSON export. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx workbook or a zipped shapefile?) — export the sheet as CSV' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel .xls workbook — export the sheet as CSV' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive — unpack it first' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database (a GeoPackage?)' },
];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * The text of an uploaded file. `auto` reads UTF-8, dropping a byte-order mark, or UTF-16 when a
 * BOM says so; a file that is not valid UTF-8 is refused with the byte where it breaks, rather
 * than read as mojibake (GB 18030 and Windows-1252 bytes are not valid UTF-8, so they are caught
 * here and need `--encoding`). Node's TextDecoder (full ICU) reads the legacy encodings.
 */
export function decodeText(bytes: Uint8Array, encoding: OnboardEncoding): string {
  const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (known) throw new OnboardFileError(`the file is ${known.what}, not a CSV or GeoJSON text`);
  if (isOsmPbf(bytes)) throw new OnboardFileError('the file is an OpenStreetMap PBF extract: load it with `firebreak import osm`');
  let label: string = encoding;
  let start = 0;
  if (encoding === 'auto' || encoding === 'utf-8') {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
    else if (encoding === 'auto' && startsWith(bytes, [0xff, 0xfe])) label = 'utf-16le';
    else if (encoding === 'auto' && startsWith(bytes, [0xfe, 0xff])) label = 'utf-16be';
    if (label === 'auto') label = 'utf-8';
  }
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(bytes.subarray(start));
  } catch {
    if (label !== 'utf-8') throw new OnboardFileError(`the file is not valid ${label} text`);
    throw new OnboardFileError(`the file is not valid UTF-8 (first bad byte at offset ${firstBadUtf8Byte(bytes, start)}): save it as UTF-8, or name its encoding (--encoding gb18030, windows-1252, …)`);
  }
  // TextDecoder drops a UTF-8/16 BOM itself; one left (a BOM encoded twice, or in GB 18030) goes too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) throw new OnboardFileError('the file holds NUL characters: it is binary, or UTF-16 without a byte-order mark (--encoding utf-16le)');
  return text;
}

/** An OSM PBF file starts with a 4-byte header length, then a BlobHeader whose type is "OSMHeader". */
function isOsmPbf(b: Uint8Array): boolean {
  const head = Buffer.from(b.subarray(0, 32)).toString('latin1');
  return head.includes('OSMHeader');
}

function firstBadUtf8Byte(bytes: Uint8Array, start: number): number {
  // Halving search for the shortest prefix that fails to decode; its end is the bad byte.
  let lo = start;
  let hi = bytes.length;
  const ok = (end: number, stream: boolean) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, end), { stream });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid, true)) lo = mid;
    else hi = mid - 1;
  }
  // The longest prefix may end inside the bad sequence (a lead byte waiting for more): name its lead byte.
  if (ok(lo, false)) return lo;
  let k = lo;
  while (k > start && (bytes[k - 1]! & 0xc0) === 0x80) k--;
  return k > start ? k - 1 : lo;
}
