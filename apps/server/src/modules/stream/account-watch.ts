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

/** The key a watcher of an account's sockets registers under. */
export const accountKey = (userId: string): string => `account:${userId}`;
/** The key a socket registers under for each mutual aid agreement lending it units. */
export const agreementKey = (agreementId: string): string => `agreement:${agreementId}`;

/**
 * Whose access an event says changed: an account (`accountKey`), or everyone a mutual aid
 * agreement lent units to, when it is revoked (`agreementKey`); null for any other event.
 */
export function changedAccess(e: Pick<PublishedEvent, 'type' | 'data'>): string | null {
  const data = (e.data ?? {}) as { userId?: unknown; id?: unknown };
  if (e.type === 'mutual_aid.agreement_revoked') return typeof data.id === 'string' ? agreementKey(data.id) : null;
  if (!ACCOUNT_CHANGE_EVENTS.has(e.type)) return null;
  const id = e.type === 'staff.updated' ? data.id : data.userId;
  return typeof id === 'string' ? accountKey(id) : null;
}

/**
 * One bus subscription per node that tells the open streams of an account, at once, that the
 * account changed (or that an agreement lending it units ended): the bus carries the event to
 * every node, so a logout on node A closes the sockets on node B as soon as B receives it. Each
 * stream then re-reads who it serves and closes or narrows itself; this only says when.
 */
export class AccountWatch {
  private readonly byKey = new Map<string, Set<() => void>>();
  private readonly unsubscribe: () => void;

  constructor(bus: EventBus) {
    this.unsubscribe = bus.subscribe((e) => {
      const key = changedAccess(e);
      if (key) for (const recheck of [...(this.byKey.get(key) ?? [])]) recheck();
    });
  }

  /** Calls `recheck` whenever an event concerns one of `keys`, until the returned function is called. */
  watch(keys: readonly string[], recheck: () => void): () => void {
    const unwatch = [...new Set(keys)].map((key) => {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(recheck);
      return () => {
        set.delete(recheck);
        if (set.size === 0 && this.byKey.get(key) === set) this.byKey.delete(key);
      };
    });
    return () => unwatch.forEach((u) => u());
  }

  close(): void {
    this.unsubscribe();
    this.byKey.clear();
  }
}

const perBus = new WeakMap<EventBus, AccountWatch>();

/** The node's account watch over `bus`, made on first use. */
export function accountWatchOf(bus: EventBus): AccountWatch {
  let w = perBus.get(bus);
  if (!w) perBus.set(bus, (w = new AccountWatch(bus)));
  return w;
}
