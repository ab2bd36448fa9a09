import type { Info } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/**
 * The records of a CSV text (RFC 4180, read by csv-parse): quoted fields may hold commas,
 * doubled quotes and line breaks; lines end in CRLF or LF (mixed, as hand-edited exports do);
 * a BOM and blank lines are skipped; rows may have fewer or more fields than the header. Each
 * record comes with the 1-based line it starts on, so that an import can name the line of a bad
 * row. Malformed quoting throws csv-parse's error, which names the line.
 */
export function readCsv(text: string): { line: number; fields: string[] }[] {
  // The typings do not follow `info: true`, which wraps each record with its Info.
  const records = parse(text, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n'],
    info: true,
  }) as unknown as { record: string[]; info: Info }[];
  // info.lines is the line a record ends on, as csv-parse counts: it counts every \r inside a
  // quoted field as a line too (a quoted CRLF twice), so those are taken back out, for this record
  // and all before it; then the line breaks inside the record's own fields lead back to its start.
  let extraCounted = 0;
  return records.map(({ record, info }) => {
    let breaks = 0;
    for (const field of record) {
      extraCounted += occurrences(field, '\r');
      breaks += occurrences(field, '\n');
    }
    return { line: info.lines - extraCounted - breaks, fields: record };
  });
}

function occurrences(field: string, char: string): number {
  let n = 0;
  for (let i = field.indexOf(char); i !== -1; i = field.indexOf(char, i + 1)) n++;
  return n;
}
