import type { Queryable } from '../../platform/db/client.js';
import { EventDroppedCache } from '../../platform/events/derived-cache.js';
import type { Platform } from '../../platform/kernel.js';
import { keyPlacePoints, type KeyPlacePoint } from './places.queries.js';

/**
 * Events after which the list is read again: any change of a place (created, updated, imported
 * from OSM), and of a jurisdiction (rare, and cheap to follow: the list is read again rather than
 * relying on no jurisdiction change ever touching place rows without a place event), and of an
 * onboarding batch (its import and its undo write place rows under one `onboarding.*` event).
 */
export const KEY_PLACE_EVENT_PREFIXES = ['places.', 'jurisdictions.', 'onboarding.'] as const;

/** Scopes remembered per list read (the questions asked most: a few scopes and categories). */
const REMEMBERED_SCOPES = 16;

/** Which places a question reads: as `keyPlacePoints`' filter (scope roots, a subtree, categories). */
export interface KeyPlaceScope { roots: readonly string[]; underPath?: string | undefined; category?: readonly string[] | undefined }

/** `path` lies in the subtree of `root`, as ltree's `<@` says: the empty path is everyone's ancestor. */
const under = (path: string, root: string): boolean => root === '' || path === root || path.startsWith(`${root}.`);

interface Read { all: readonly KeyPlacePoint[]; scopes: Map<string, readonly KeyPlacePoint[]> }

/**
 * Every key place of the deployment, read once and kept by the node, so a coverage question
 * reads no place rows (issue 16: the 200,000 rows read per national question, young when the
 * question ran, were the collections behind its p99). The list is dropped on any place or
 * jurisdiction event — this node's own commits at once, other nodes' through the bus — and when
 * the bus comes back after a loss (events may have gone by); the next question reads it again,
 * once for all the questions waiting on it. A question gets the places of its scope by
 * reference (the same objects every time; a scope asked again is the same array): read them,
 * do not change them.
 */
export class KeyPlaceList {
  private readonly cache: EventDroppedCache<Read>;
  /** How often the list was read from the database; tests read it. */
  loads = 0;

  constructor(load: () => Promise<readonly KeyPlacePoint[]>) {
    this.cache = new EventDroppedCache(async () => {
      this.loads++;
      return { all: await load(), scopes: new Map() };
    }, KEY_PLACE_EVENT_PREFIXES);
  }

  /** The list of the database's key places (all of them, in id order, as `keyPlacePoints` reads them). */
  static of(db: Queryable): KeyPlaceList {
    return new KeyPlaceList(() => keyPlacePoints(db, { roots: [''] }));
  }

  /** Follows place changes: this node's commits, the bus's events, the bus's reconnects. Returns the unsubscriber. */
  attach(platform: Pick<Platform, 'bus' | 'onLocalCommit'>): () => void {
    const offBus = this.cache.attach(platform.bus);
    const offLocal = platform.onLocalCommit((events) => {
      if (events.some((e) => KEY_PLACE_EVENT_PREFIXES.some((p) => e.type.startsWith(p)))) this.cache.drop();
    });
    const offReconnect = platform.bus.onReconnect(() => this.cache.drop());
    return () => { offBus(); offLocal(); offReconnect(); };
  }

  /**
   * Forgets the list: the next question reads it again. For writes that bypass the commands (and
   * so emit no event), such as a test's or an operator's SQL.
   */
  drop(): void {
    this.cache.drop();
  }

  /** The key places in this scope, in id order: those `keyPlacePoints(db, scope)` reads, the same objects each time. */
  async inScope(scope: KeyPlaceScope): Promise<readonly KeyPlacePoint[]> {
    const read = await this.cache.get();
    const categories = scope.category === undefined ? undefined : [...new Set(scope.category)].sort();
    const key = JSON.stringify([[...scope.roots].sort(), scope.underPath ?? null, categories ?? null]);
    let found = read.scopes.get(key);
    if (found === undefined) {
      const wanted = categories === undefined ? undefined : new Set(categories);
      found = read.all.filter((p) => scope.roots.some((r) => under(p.jurisdictionPath, r))
        && (scope.underPath === undefined || under(p.jurisdictionPath, scope.underPath))
        && (wanted === undefined || wanted.has(p.category)));
      if (read.scopes.size >= REMEMBERED_SCOPES) read.scopes.clear();
      read.scopes.set(key, found);
    }
    return found;
  }
}

const lists = new WeakMap<Platform, KeyPlaceList>();

/** The node's key place list (one per platform), following its place changes from the first call. */
export function keyPlaceListOf(platform: Platform): KeyPlaceList {
  let list = lists.get(platform);
  if (list === undefined) {
    list = KeyPlaceList.of(platform.db);
    list.attach(platform);
    lists.set(platform, list);
  }
  return list;
}
