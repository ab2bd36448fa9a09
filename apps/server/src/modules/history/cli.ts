import type { CallsImportSummary, ImportBatch } from '@firebreak/contracts';
import type { CallsMapping } from './mapping.js';

/** Exit codes of `firebreak import calls`, also on a dry run (it exits as the import would). */
export const IMPORT_EXIT = {
  ok: 0,
  /** Rows were rejected and `--allow-partial` was not given: nothing was written. */
  rowsRejected: 3,
  /** Not one call could be read: nothing was written, whatever the flags. */
  nothingReadable: 4,
} as const;

export function importExitCode(s: CallsImportSummary, allowPartial: boolean): number {
  if (s.calls === 0) return IMPORT_EXIT.nothingReadable;
  if (s.rejected.length > 0 && !allowPartial) return IMPORT_EXIT.rowsRejected;
  return IMPORT_EXIT.ok;
}

/** The console report of an import or a dry run: figures, reasons with counts, first examples by line. */
export function describeImport(s: CallsImportSummary, opts: { dryRunAsked: boolean; allowPartial: boolean }): string[] {
  const out: string[] = [];
  const where = `${s.file} (${s.mapping}) into ${s.jurisdictionPath}`;
  if (opts.dryRunAsked) out.push(`Dry run of ${where}: nothing written`);
  else if (s.batchId) out.push(`Imported ${where} as batch ${s.batchId}`);
  else out.push(s.dryRun ? `Nothing imported from ${where}` : `Imported ${where}: nothing new`);
  const would = s.dryRun ? 'would be ' : '';
  out.push(`  ${s.rows} rows, ${s.calls} readable calls: ${s.created} ${would}new historical incidents with ${s.responses} unit responses, ${s.alreadyImported} already imported`);
  if (s.withoutLocation > 0) out.push(`  ${s.withoutLocation} calls without a place: ${would}imported into ${s.jurisdictionPath}, kept off maps`);
  if (s.outsideJurisdiction > 0) out.push(`  ${s.outsideJurisdiction} calls lie outside ${s.jurisdictionPath}: ${would}imported where they are; a what-if replay cannot place them on its roads (import with --relocate to place them into the jurisdiction)`);
  if (s.relocated > 0) out.push(`  ${s.relocated} calls ${would}placed into ${s.jurisdictionPath} (relocated from ${s.file})`);
  if (s.doubtfulTimes > 0) out.push(`  ${s.doubtfulTimes} calls have a time in an hour a daylight-saving change repeats or skips: ${would}imported, flagged, left out of response-time percentiles`);
  if (s.rejected.length > 0) {
    out.push(`  ${s.rejected.length} rows rejected (${s.rejectedCalls} calls left out whole): ${Object.entries(s.rejectedByReason).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    for (const r of s.rejected.slice(0, 20)) out.push(`    line ${r.line}${r.callId ? ` (call ${r.callId})` : ''}: ${r.reason}`);
    if (s.rejected.length > 20) out.push(`    … and ${s.rejected.length - 20} more`);
  }
  const code = importExitCode(s, opts.allowPartial);
  if (code === IMPORT_EXIT.nothingReadable) out.push('No call could be read: nothing imported');
  else if (code === IMPORT_EXIT.rowsRejected) out.push(opts.dryRunAsked ? 'The import would stop here: fix the rows above, or pass --allow-partial to import the readable calls' : 'Nothing imported: fix the rows above, or pass --allow-partial to import the readable calls');
  return out;
}

/**
 * `--relocate [--seed <n>]` read as the HTTP contract reads `relocate` and `seed` (ImportCallsBody):
 * the same default seed (1) and the same refusals, in the CLI's words.
 */
export function relocateOption(opts: { relocate?: boolean; seed?: string }, mapping: CallsMapping): { seed: number } | undefined {
  if (!opts.relocate) {
    if (opts.seed !== undefined) throw new Error('--seed places relocated calls: give it with --relocate');
    return undefined;
  }
  if (mapping.columns.jurisdiction !== undefined) throw new Error('--relocate: calls the mapping sends to jurisdictions by its jurisdiction column cannot be relocated');
  const seed = opts.seed === undefined ? 1 : Number(opts.seed);
  if (!/^\d+$/.test(opts.seed ?? '1') || seed > 2_147_483_647) throw new Error(`--seed: ${opts.seed} is not a whole number from 0 to 2147483647`);
  return { seed };
}

export function describeBatches(batches: readonly ImportBatch[]): string[] {
  if (batches.length === 0) return ['No import batches'];
  return batches.map((b) => `${b.id}  ${b.importedAt}  ${b.jurisdictionPath}  ${b.file} (${b.mapping}) by ${b.importedBy}: ${b.undoneAt ? `undone ${b.undoneAt} by ${b.undoneBy}` : `${b.calls} calls, ${b.responses} unit responses${b.doubtfulTimes ? `, ${b.doubtfulTimes} with DST-doubtful times` : ''}`}`);
}
