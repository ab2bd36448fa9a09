/**
 * One column of a set-based insert as a single text parameter, unnested in SQL with
 * `unnest(string_to_array($n, ',')::type[], …)` (`string_to_array($n, ',', '')` where values may be
 * missing). A batch of thousands of rows is then one statement with one parameter per column on
 * both backends (node-postgres and PGlite), with much less to build, send and parse than a JSON
 * document with an object per row. The units' AVL track and the transports' fix trail store their
 * fixes this way. Only for values that hold no comma: ids, numbers, ISO timestamps.
 */
export function textColumn(values: readonly (string | number | null | undefined)[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v !== undefined && v !== null) out += String(v);
  }
  return out;
}
