/** One audited step of a task, reduced to what its line in the history says. */
export interface HistoryLine {
  /** The action without its "tasks." prefix (created, progress_reported, rolled_up, reassigned, ...). */
  kind: string;
  percent?: { from: number | null; to: number };
  owner?: { from: string; to: string };
  /** Re-decomposition: which of parent, weight and due date changed. */
  changed?: ('parent' | 'weight' | 'dueAt')[];
  dueAt?: string;
  weight?: number;
  reason?: string;
  note?: string;
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function historyLine(entry: { action: string; before: unknown; after: unknown }): HistoryLine {
  const before = obj(entry.before);
  const after = obj(entry.after);
  const kind = entry.action.replace(/^tasks\./, '');
  switch (kind) {
    case 'progress_reported':
    case 'rolled_up':
      return { kind, percent: { from: num(before.percent), to: num(after.percent) ?? 0 }, ...(str(after.note) ? { note: str(after.note) } : {}) };
    case 'reassigned':
      return { kind, owner: { from: str(before.ownerPostId) ?? '', to: str(after.ownerPostId) ?? '' }, ...(str(after.reason) ? { reason: str(after.reason) } : {}) };
    case 'redecomposed': {
      const changed: ('parent' | 'weight' | 'dueAt')[] = [];
      if ((before.parentTaskId ?? null) !== (after.parentTaskId ?? null)) changed.push('parent');
      if (before.weight !== after.weight) changed.push('weight');
      if (before.dueAt !== after.dueAt) changed.push('dueAt');
      return { kind, changed, dueAt: str(after.dueAt), weight: num(after.weight) ?? undefined, ...(str(after.reason) ? { reason: str(after.reason) } : {}) };
    }
    default:
      return { kind };
  }
}
