/**
 * The served OpenAPI document with its named schemas written out in place, for tests that walk
 * request schemas (the fuzzer) or read one: `{ $ref: '#/components/schemas/LoginBody' }` becomes
 * the LoginBody schema. A recursive type is written out to MAX_DEPTH levels, then left open (`{}`).
 */
const MAX_DEPTH = 6;
const PREFIX = '#/components/schemas/';

export function inlineSchemaRefs<T>(doc: T): T {
  const schemas = ((doc as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {});
  const walk = (value: unknown, expanding: string[]): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, expanding));
    if (value === null || typeof value !== 'object') return value;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith(PREFIX)) {
      const name = ref.slice(PREFIX.length);
      if (!(name in schemas)) throw new Error(`unresolved ${ref}`);
      if (expanding.filter((n) => n === name).length >= MAX_DEPTH) return {};
      const { $ref: _ref, ...siblings } = value as Record<string, unknown>;
      return { ...(walk(schemas[name], [...expanding, name]) as object), ...siblings };
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, expanding)]));
  };
  return { ...(doc as object), paths: walk((doc as { paths?: unknown }).paths, []) } as T;
}
