import type { AccountKind, DiscrepancySeverity, GoodsItem, LicensedItemInput, LicenceState, TransferKind } from '@firebreak/contracts';

const DAY_MS = 86_400_000;

/**
 * Where a licence stands at `now`: before `validFrom` not yet valid; from `validUntil` on lapsed;
 * within `alertDays` of the end expiring (the supervising desk is alerted); valid otherwise.
 */
export function licenceState(l: { validFrom: Date; validUntil: Date; expiryAlertDays: number }, now: Date): LicenceState {
  const t = now.getTime();
  if (t < l.validFrom.getTime()) return 'not_yet_valid';
  if (t >= l.validUntil.getTime()) return 'lapsed';
  if (t >= l.validUntil.getTime() - l.expiryAlertDays * DAY_MS) return 'expiring';
  return 'valid';
}

/** Goods may come into a site only while its licence is in force (valid or expiring); going out is always allowed. */
export const mayTakeIn = (state: LicenceState): boolean => state === 'valid' || state === 'expiring';

/** An item's key, its ledger: the UN number of a chemical, the category of controlled items. */
export function itemOf(input: LicensedItemInput): GoodsItem {
  return input.kind === 'chemical'
    ? { key: input.unNumber, kind: 'chemical', unNumber: input.unNumber, hazardClass: input.hazardClass, category: null, name: input.name, unit: input.unit }
    : { key: input.category, kind: 'controlled', unNumber: null, hazardClass: null, category: input.category, name: input.name, unit: input.unit };
}

/** Why a known item and a licence's description of it cannot be the same item (null: they agree). */
export function itemConflict(known: GoodsItem, wanted: GoodsItem): string | null {
  if (known.kind !== wanted.kind) return `${known.key} is a ${known.kind} item`;
  if (known.unit !== wanted.unit) return `${known.key} is measured in ${known.unit}`;
  if (known.hazardClass !== wanted.hazardClass) return `${known.key} is of hazard class ${known.hazardClass}`;
  return null;
}

/** The accounts of the site's item that each kind of movement debits and credits ('other' = the receiving site's stock). */
export const TRANSFER_ACCOUNTS: Record<Exclude<TransferKind, 'reversal' | 'dispatch' | 'delivery'>, { debit: AccountKind; credit: AccountKind | 'other' }> = {
  receipt: { debit: 'external', credit: 'stock' },
  issue: { debit: 'stock', credit: 'external' },
  transfer: { debit: 'stock', credit: 'other' },
  consumption: { debit: 'stock', credit: 'consumed' },
  destruction: { debit: 'stock', credit: 'destroyed' },
  loss: { debit: 'stock', credit: 'lost' },
};

/** Chemicals: within this share of the larger of the two figures, a count matches (dipping a tank, weighing drums). */
export const CHEMICAL_TOLERANCE = 0.005;
/** Chemicals: beyond this share, a discrepancy is a major hazard. */
export const CHEMICAL_MAJOR_SHARE = 0.05;

/**
 * How serious a difference between counted stock and the ledger is. Controlled items (weapons,
 * ammunition, explosives) have no tolerance: anything missing is major (it may be in the wrong
 * hands), anything unrecorded is general (the books are wrong). Chemicals are measured, not
 * counted: up to 0.5 % is measurement, up to 5 % general, more major.
 */
export function discrepancySeverity(kind: GoodsItem['kind'], ledger: number, counted: number): DiscrepancySeverity {
  const diff = counted - ledger;
  if (diff === 0) return 'none';
  if (kind === 'controlled') return diff < 0 ? 'major' : 'general';
  const share = Math.abs(diff) / Math.max(ledger, counted);
  if (share <= CHEMICAL_TOLERANCE) return 'within_tolerance';
  return share <= CHEMICAL_MAJOR_SHARE ? 'general' : 'major';
}

interface Held { id: string; balance: number; maxBalance: number | null }

/**
 * The first movement of a batch that takes a stock account below zero ('floor') or above its
 * licence ('ceiling'), applying them in order to the balances read before: the database refuses
 * the batch as a whole, this names the culprit for the client. Null when none does.
 */
export function firstBreach(moves: { debit: Held; credit: Held; quantity: number }[]): { index: number; limit: 'floor' | 'ceiling' } | null {
  const balance = new Map<string, number>();
  const at = (a: Held) => balance.get(a.id) ?? a.balance;
  for (const [index, m] of moves.entries()) {
    const d = at(m.debit) - m.quantity;
    const c = at(m.credit) + m.quantity;
    if (m.debit.maxBalance !== null && d < 0) return { index, limit: 'floor' };
    if (m.credit.maxBalance !== null && c > m.credit.maxBalance) return { index, limit: 'ceiling' };
    balance.set(m.debit.id, d);
    balance.set(m.credit.id, c);
  }
  return null;
}
