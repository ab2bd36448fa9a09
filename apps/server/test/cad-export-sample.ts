import { readFileSync } from 'node:fs';

/**
 * A CAD export nobody here wrote, in the shape of a real one: one row per call (its first unit
 * only), no coordinates, `NULL` in empty cells, `.000` fractional seconds, local times in
 * Europe/Vaduz with one call in the hour the end of summer time repeats (2024-10-27 02:00-03:00:
 * its arrival at 02:09 comes after its dispatch at 02:41, in the second pass of that hour), and one
 * row whose dispatch time is in another format (line 7). Read by the history module's CAD-export
 * tests: over HTTP on both backends, and through the CLI on each backend in a file of its own.
 */
const DATA = new URL('../../../data/calls/', import.meta.url);
export const CSV_FILE = new URL('county-cad-sample.csv', DATA);
export const MAPPING_FILE = new URL('county-cad.mapping.json', DATA);
export const text = readFileSync(CSV_FILE, 'utf8');
export const mapping = JSON.parse(readFileSync(MAPPING_FILE, 'utf8')) as Record<string, unknown>;
/** The same file with line 7's dispatch time in the export's usual format: every row readable. */
export const corrected = text.replace('27.10.2024 14:32', '2024-10-27 14:32:00.000');
/** A guard against a hung CLI child, not a time limit: a loaded 2-core machine takes a minute to start one. */
export const CLI_TIMEOUT = 120_000;
