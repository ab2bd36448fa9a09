/** One holding of a post: [from, to), `to` null while it lasts. */
export interface Holding {
  userId: string;
  from: Date;
  to: Date | null;
}

/** Who held the post at `at`: the holding that had begun and not yet ended. */
export function holderAt<H extends Holding>(holdings: readonly H[], at: Date): H | null {
  return holdings.find((h) => h.from <= at && (h.to === null || h.to > at)) ?? null;
}

/**
 * The holdings after handing the post to `userId` (null: left vacant) at `at`: the open holding
 * ends at `at` and the new one begins there, so no instant has two holders or a gap.
 */
export function handOver(holdings: readonly Holding[], userId: string | null, at: Date): Holding[] {
  const closed = holdings.map((h) => (h.to === null ? { ...h, to: at } : h));
  return userId === null ? closed : [...closed, { userId, from: at, to: null }];
}
