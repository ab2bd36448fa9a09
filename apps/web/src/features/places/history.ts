/** The top-level fields that differ between an audit row's before and after (what a history line names). */
export function changedFields(before: unknown, after: unknown): string[] {
  const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = obj(before);
  const a = obj(after);
  if (Object.keys(b).length === 0) return [];
  const skip = new Set(['version', 'updatedAt', 'createdAt']);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !skip.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
}
