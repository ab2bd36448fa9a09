import { BoundaryFileError } from './types.js';

/**
 * DBF language driver ids (byte 29) that name an encoding, as ArcGIS and QGIS write them. Most
 * files carry 0 (none) and say it in a .cpg instead, or nothing at all.
 */
const LANGUAGE_DRIVERS: Record<number, string> = {
  0x01: 'ibm437', 0x02: 'ibm850', 0x03: 'windows-1252', 0x57: 'windows-1252', 0x58: 'windows-1252', 0x59: 'windows-1252',
  0x4d: 'gb18030', 0x7a: 'gb18030', 0x4e: 'euc-kr', 0x4f: 'big5', 0x78: 'big5', 0x7b: 'shift_jis', 0x13: 'shift_jis',
  0xc8: 'windows-1250', 0xc9: 'windows-1251', 0xca: 'windows-1254', 0xcb: 'windows-1253',
};

/** `.cpg` contents such as `UTF-8`, `GB18030`, `936`, `ANSI 1252`, `CP936` as a WHATWG encoding label. */
function cpgLabel(text: string): string {
  const t = text.replace(/^\uFEFF/, '').trim().toLowerCase();
  const n = /^(?:ansi\s*|cp|windows-)?(\d{3,5})$/.exec(t)?.[1];
  if (n === '936' || n === '54936') return 'gb18030';
  if (n === '65001') return 'utf-8';
  if (n) return `windows-${n}`;
  return t;
}

/** A label Node can decode, else a refusal naming the option or file it came from. */
export function checkedEncoding(label: string, from: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new BoundaryFileError(`${from}: "${label}" is not a text encoding this server knows (e.g. utf-8, gb18030, windows-1252)`, 'encoding');
  }
}

const decodes = (bytes: Uint8Array, label: string): string | null => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/** The bytes of every text (C) field of every record: what an encoding has to decode. */
export function dbfTextBytes(dbf: Uint8Array): Uint8Array {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.length < 32) throw new BoundaryFileError('the .dbf is shorter than its 32-byte header');
  const records = view.getUint32(4, true);
  const headerLen = view.getUint16(8, true);
  const recLen = view.getUint16(10, true);
  const fields: { offset: number; len: number }[] = [];
  let offset = 1; // the deletion flag
  for (let p = 32; p + 32 <= headerLen && dbf[p] !== 0x0d; p += 32) {
    const len = dbf[p + 16]!;
    if (dbf[p + 11] === 0x43) fields.push({ offset, len });
    offset += len;
  }
  const parts: number[] = [];
  for (let r = 0; r < records; r++) {
    const base = headerLen + r * recLen;
    for (const f of fields) {
      const end = Math.min(base + f.offset + f.len, dbf.length);
      for (let i = base + f.offset; i < end; i++) parts.push(dbf[i]!);
      parts.push(0x20);
    }
  }
  return Uint8Array.from(parts);
}

/**
 * Are the non-ASCII bytes (nearly) all GB 2312 character pairs (both bytes 0xA1-0xFE, the common
 * Chinese characters)? Windows-1252 text has an accented letter followed by an ASCII one
 * ("S\xfcd"), which GBK would also decode, into a rare character; GB 2312 pairs rule that out.
 */
function looksLikeGb2312(text: Uint8Array): boolean {
  let pairs = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const b = text[i]!;
    if (b < 0x80) continue;
    const next = text[i + 1] ?? 0;
    if (b >= 0xa1 && b <= 0xf7 && next >= 0xa1 && next <= 0xfe) {
      pairs++;
      i++;
    } else other++;
  }
  return pairs > 0 && other <= pairs * 0.05;
}

/**
 * The DBF's text encoding: an explicit `--encoding` first, then the .cpg beside it, then the
 * language driver byte, then the text itself: valid UTF-8 (a BOM is fine) is UTF-8; text that is
 * not but decodes as GB 18030 into Chinese characters is GB 18030 (Chinese agencies' files
 * rarely say so); anything else is read as Windows-1252, the DBF default.
 */
export function dbfEncoding(dbf: Uint8Array, opts: { override?: string | undefined; cpg?: Uint8Array | undefined }): { encoding: string; how: string } {
  if (opts.override) return { encoding: checkedEncoding(opts.override, '--encoding'), how: 'as given' };
  if (opts.cpg) {
    const label = cpgLabel(new TextDecoder().decode(opts.cpg));
    return { encoding: checkedEncoding(label, 'the .cpg file'), how: 'from the .cpg file' };
  }
  const driver = LANGUAGE_DRIVERS[dbf[29] ?? 0];
  if (driver) return { encoding: driver, how: `from the DBF language driver 0x${dbf[29]!.toString(16)}` };
  const text = dbfTextBytes(dbf);
  if (text.every((b) => b < 0x80)) return { encoding: 'utf-8', how: 'plain ASCII' };
  if (decodes(text, 'utf-8') !== null) return { encoding: 'utf-8', how: 'detected: valid UTF-8' };
  if (decodes(text, 'gb18030') !== null && looksLikeGb2312(text)) return { encoding: 'gb18030', how: 'detected: Chinese text in GB 18030' };
  return { encoding: 'windows-1252', how: 'assumed: not UTF-8, no .cpg (give --encoding if names read wrong)' };
}
