import type { EventBus, PublishedEvent } from '../../platform/events/bus.js';

/**
 * Events after which the account they name may no longer hold what its open streams were opened
 * with: a session ended (logout, password reset, disabling), a token revoked, a grant removed or
 * added, a second factor reset. Each names the account in `data.userId` (`data.id` for
 * `staff.updated`).
 */
export const ACCOUNT_CHANGE_EVENTS: ReadonlySet<string> = new Set([
  'auth.logged_out',
  'auth.token_revoked',
  'staff.updated',
  'staff.grant_added',
  'staff.grant_revoked',
  'mfa.reset',
  'mfa.disabled',
]);

/** The account an event says changed, or null when it is not an account change. */
export function changedAccount(e: Pick<PublishedEvent, 'type' | 'data'>): string | null {
  if (!ACCOUNT_CHANGE_EVENTS.has(e.type)) return null;
  const data = (e.data ?? {}) as { userId?: unknown; id?: unknown };
  const id = e.type === 'staff.updated' ? data.id : data.userId;
  return typeof id === 'string' ? id : null;
}

/**
 * One bus subscription per node that tells the open streams of an account, at once, that the
 * account changed: the bus carries the event to every node, so a logout on node A closes the
 * sockets on node B as soon as B receives it. Each stream then re-reads who it serves and closes
 * or narrows itself; this only says when.
 */
export class AccountWatch {
  private readonly byAccount = new Map<string, Set<() => void>>();
  private readonly unsubscribe: () => void;

  constructor(bus: EventBus) {
    this.unsubscribe = bus.subscribe((e) => {
      const account = changedAccount(e);
      if (account) for (const recheck of this.byAccount.get(account) ?? []) recheck();
    });
  }

  /** Calls `recheck` whenever `account` changes, until the returned function is called. */
  watch(account: string, recheck: () => void): () => void {
    let set = this.byAccount.get(account);
    if (!set) this.byAccount.set(account, (set = new Set()));
    set.add(recheck);
    return () => {
      set.delete(recheck);
      if (set.size === 0 && this.byAccount.get(account) === set) this.byAccount.delete(account);
    };
  }

  close(): void {
    this.unsubscribe();
    this.byAccount.clear();
  }
}

const perBus = new WeakMap<EventBus, AccountWatch>();

/** The node's account watch over `bus`, made on first use. */
export function accountWatchOf(bus: EventBus): AccountWatch {
  let w = perBus.get(bus);
  if (!w) perBus.set(bus, (w = new AccountWatch(bus)));
  return w;
}
