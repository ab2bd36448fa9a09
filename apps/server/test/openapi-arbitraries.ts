import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of an OpenAPI 3.1 document, for the subset the
 * API's zod contracts produce (type, properties/required/additionalProperties, items/prefixItems,
 * enum/const, anyOf/oneOf, min/max, min/maxLength, min/maxItems, pattern, format uuid and
 * date-time). `valid` aims inside the schema (values the server must accept or refuse by its
 * rules, never by crashing); `invalid` steps outside it one way at a time.
 */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  prefixItems?: Schema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export interface Pools {
  /** Ids of things that exist, so that valid requests reach past "not found". */
  ids: readonly string[];
}

const MAX_DEPTH = 6;
const ANY_JSON = fc.jsonValue({ maxDepth: 3 });

function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.properties) return ['object'];
  if (s.items || s.prefixItems) return ['array'];
  return [];
}

function safeStringMatching(pattern: string): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return null;
  }
}

const dateTime = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

function validString(s: Schema, pools: Pools): fc.Arbitrary<string> {
  if (s.format === 'uuid') return pools.ids.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pools.ids) }, { weight: 1, arbitrary: fc.uuid({ version: 7 }) }) : fc.uuid({ version: 7 });
  if (s.format === 'date-time') return dateTime;
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, Math.max(min, 40));
  if (s.pattern) {
    const matching = safeStringMatching(s.pattern);
    if (matching) return matching.filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  }
  return fc.string({ minLength: min, maxLength: max });
}

function validNumber(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e6);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e6);
  if (integer) return fc.integer({ min: Math.ceil(Math.max(lo, Number.MIN_SAFE_INTEGER)), max: Math.floor(Math.min(hi, Number.MAX_SAFE_INTEGER)) });
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema describes. */
export function valid(s: Schema, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valid(a, pools, depth + 1)));
  if (s.allOf?.length === 1) return valid(s.allOf[0]!, pools, depth + 1);
  const types = typesOf(s);
  if (types.length === 0) return ANY_JSON;
  return fc.oneof(...types.map((type) => validOfType(type, s, pools, depth)));
}

function validOfType(type: string, s: Schema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer': return validNumber(s, true);
    case 'number': return validNumber(s, false);
    case 'string': return validString(s, pools);
    case 'array': {
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((p) => valid(p, pools, depth + 1)));
      const min = s.minItems ?? 0;
      return fc.array(s.items ? valid(s.items, pools, depth + 1) : ANY_JSON, { minLength: min, maxLength: Math.min(s.maxItems ?? min + 3, min + 3) });
    }
    case 'object': {
      const props = s.properties ?? {};
      if (Object.keys(props).length === 0 && typeof s.additionalProperties === 'object') {
        const keys = s.propertyNames ? validString(s.propertyNames, pools) : fc.string({ minLength: 1, maxLength: 10 });
        return fc.dictionary(keys, valid(s.additionalProperties, pools, depth + 1), { maxKeys: 3 });
      }
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valid(v, pools, depth + 1)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default: return ANY_JSON;
  }
}

/** A value of another JSON type than any the schema allows. */
function wrongType(s: Schema): fc.Arbitrary<unknown> {
  const allowed = new Set(typesOf(s));
  const others: fc.Arbitrary<unknown>[] = [];
  if (!allowed.has('string')) others.push(fc.constantFrom('', 'x', '1', 'true', 'null'));
  if (!allowed.has('number') && !allowed.has('integer')) others.push(fc.constantFrom(0, -1, 1.5, 1e308));
  if (!allowed.has('boolean')) others.push(fc.boolean());
  if (!allowed.has('object')) others.push(fc.constant({ x: 1 }));
  if (!allowed.has('array')) others.push(fc.constant([1, 'a']));
  if (!allowed.has('null')) others.push(fc.constant(null));
  return others.length ? fc.oneof(...others) : ANY_JSON;
}

/** Strings that break a string schema: too long or short, not the pattern or format, unstorable characters. */
function badString(s: Schema): fc.Arbitrary<unknown> {
  const bad: fc.Arbitrary<unknown>[] = [fc.constantFrom('a\u0000b', '\ud800', 'not-a-uuid', '2024-13-45T99:99:99Z', '0000-01-01T00:00:00Z', '275760-09-13T00:00:00.000Z', '2024-02-30T00:00:00Z', ' ', '../../etc/passwd', '\'; drop table users; --', '%s%n', '\u202e')];
  if (s.maxLength !== undefined && s.maxLength < 100_000) bad.push(fc.constant('x'.repeat(s.maxLength + 1)));
  if (s.minLength) bad.push(fc.constant('x'.repeat(s.minLength - 1)));
  return fc.oneof(...bad);
}

function badNumber(s: Schema): fc.Arbitrary<unknown> {
  const bad: fc.Arbitrary<unknown>[] = [fc.constantFrom(1e308, -1e308, 0.5, -0, 5e-324, Number.MAX_SAFE_INTEGER + 2)];
  if (s.maximum !== undefined) bad.push(fc.constant(s.maximum + 1));
  if (s.minimum !== undefined) bad.push(fc.constant(s.minimum - 1));
  return fc.oneof(...bad);
}

/** Values just outside the schema: one wrong thing each, at this level or somewhere below. */
export function invalid(s: Schema, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const types = typesOf(s);
  const ways: fc.Arbitrary<unknown>[] = [wrongType(s)];
  if (s.enum) ways.push(fc.constantFrom('not-in-the-list', 42));
  if (types.includes('string')) ways.push(badString(s));
  if (types.includes('number') || types.includes('integer')) ways.push(badNumber(s));
  if (types.includes('array') && depth < MAX_DEPTH) {
    const item = s.items ?? s.prefixItems?.[0];
    if (item) ways.push(fc.tuple(valid(s, pools, depth), invalid(item, pools, depth + 1)).map(([arr, x]) => (Array.isArray(arr) && arr.length ? [x, ...arr.slice(1)] : [x])));
    if (s.maxItems !== undefined && s.maxItems < 2_000 && item) ways.push(fc.constant(new Array<unknown>(s.maxItems + 1).fill(null)));
    if (s.prefixItems) ways.push(fc.constant(new Array<unknown>(s.prefixItems.length + 3).fill(1)));
  }
  if (types.includes('object') && s.properties && depth < MAX_DEPTH) {
    const props = Object.entries(s.properties);
    const base = valid(s, pools, depth) as fc.Arbitrary<Record<string, unknown>>;
    ways.push(base.map((o) => ({ ...o, unexpectedField: 'x' })));
    const required = (s.required ?? []).filter((k) => k in s.properties!);
    if (required.length) ways.push(fc.tuple(base, fc.constantFrom(...required)).map(([o, k]) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k))));
    if (props.length) {
      ways.push(fc.constantFrom(...props).chain(([k, sub]) => fc.tuple(base, invalid(sub, pools, depth + 1)).map(([o, x]) => ({ ...o, [k]: x }))));
    }
  }
  return fc.oneof(...ways);
}
