/**
 * RFC 8785 canonical JSON of a value as JSON would carry it, in one pass: the same bytes as
 * `canonicalize(JSON.parse(JSON.stringify(value)))` (the JSON round trip drops `undefined`, turns
 * Dates into strings through `toJSON`, non-finite numbers into null), which is what the audit
 * hashes need, since they must equal what jsonb gives back. The round trip plus canonicalize
 * walked and built each audit row three times and was the largest of our own functions in the
 * CPU profile of bench:command (docs/benchmarks.md "Command path: what dominates").
 * chain.test.ts proves the equivalence on generated values.
 */
export function canonicalJson(value: unknown): string {
  const out = canon(value, '');
  // JSON.parse(undefined) throws: a top-level value JSON cannot carry has no canonical form.
  if (out === undefined) throw new TypeError('no JSON representation');
  return out;
}

function canon(input: unknown, key: string): string | undefined {
  let value = input;
  if ((typeof value === 'object' && value !== null) || typeof value === 'function' || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = (toJSON as (k: string) => unknown).call(value, key);
  }
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      break;
  }
  if (value === null) return 'null';
  // Boxed primitives are written as their primitive, as JSON.stringify does.
  if (value instanceof Number) return canon(Number(value), key);
  if (value instanceof String) return canon(String(value), key);
  if (value instanceof Boolean) return value.valueOf() ? 'true' : 'false';
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) s += ',';
      s += canon(value[i], String(i)) ?? 'null';
    }
    return `${s}]`;
  }
  const obj = value as Record<string, unknown>;
  // Default sort: UTF-16 code units, as RFC 8785 orders keys.
  const keys = Object.keys(obj).sort();
  let s = '{';
  let first = true;
  for (const k of keys) {
    const v = canon(obj[k], k);
    if (v === undefined) continue;
    s += `${first ? '' : ','}${quote(k)}:${v}`;
    first = false;
  }
  return `${s}}`;
}

function quote(s: string): string {
  // RFC 8785 (I-JSON) has no lone surrogates; canonicalize refuses them too.
  if (!(s as string & { isWellFormed(): boolean }).isWellFormed()) throw new Error('Lone surrogate is not allowed');
  return JSON.stringify(s);
}
