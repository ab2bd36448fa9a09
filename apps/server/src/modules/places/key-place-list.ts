import type { Queryable } from '../../platform/db/client.js';
import type { Platform } from '../../platform/kernel.js';
import { keyPlacePoints, type KeyPlacePoint } from './places.queries.js';

/**
 * Events that change the list: any change of a place (created, updated, imported from OSM), of a
 * jurisdiction (rare, and cheap to follow: the list is read again rather than relying on no
 * jurisdiction change ever touching place rows without a place event), and of an onboarding batch
 * (its import and its undo write place rows under one `onboarding.*` event).
 */
export const KEY_PLACE_EVENT_PREFIXES = ['places.', 'jurisdictions.', 'onboarding.'] as const;

/** Scopes remembered per list read (the questions asked most: a few scopes and categories). */
const REMEMBERED_SCOPES = 16;

/** Which places a question reads: as `keyPlacePoints`' filter (scope roots, a subtree, categories). */
export interface KeyPlaceScope { roots: readonly string[]; underPath?: string | undefined; category?: readonly string[] | undefined }

/** `path` lies in the subtree of `root`, as ltree's `<@` says: the empty path is everyone's ancestor. */
const under = (path: string, root: string): boolean => root === '' || path === root || path.startsWith(`${root}.`);

/** A scope as remembered: its filter and its places. */
interface Scoped { matches: (p: KeyPlacePoint) => boolean; places: readonly KeyPlacePoint[] }

interface Read { all: readonly KeyPlacePoint[]; scopes: Map<string, Scoped> }

/**
 * The point a place event carries, when it carries one: `places.created` and `places.updated` hold
 * the place as the API gives it (`Place`: id, name, category, path, location, version). The event
 * has no opening hours: a place made by hand has none (only the OSM import sets them, under its
 * own `places.imported`), and an edit keeps the ones the list holds. Anything else: null.
 */
function pointOf(type: string, data: unknown, before: KeyPlacePoint | undefined): KeyPlacePoint | null {
  if (type !== 'places.created' && type !== 'places.updated') return null;
  const d = data as { id?: unknown; name?: unknown; category?: unknown; jurisdictionPath?: unknown; location?: unknown; version?: unknown } | null;
  if (typeof d !== 'object' || d === null) return null;
  const { id, name, category, jurisdictionPath, location, version } = d;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof category !== 'string' || typeof jurisdictionPath !== 'string' || typeof version !== 'number') return null;
  if (!Array.isArray(location) || typeof location[0] !== 'number' || typeof location[1] !== 'number') return null;
  // An edit of a place the list does not hold (or holds without a version): the list cannot be trusted, read it again.
  if (type === 'places.updated' && (before === undefined || before.version === undefined)) return null;
  return { id, name, category, jurisdictionPath, lon: location[0], lat: location[1], openingHours: type === 'places.created' ? null : before?.openingHours ?? null, version };
}

/** Index of the place with this id in a list in id order, or where it would go (-1 - position). */
function find(list: readonly KeyPlacePoint[], id: string): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = list[mid]!.id;
    if (at === id) return mid;
    if (at < id) lo = mid + 1; else hi = mid;
  }
  return -1 - lo;
}

/** The list with `point` put in (replacing the place of its id) when it belongs, taken out when not: a new array, the old one untouched. */
function withPoint(list: readonly KeyPlacePoint[], point: KeyPlacePoint, belongs: boolean): readonly KeyPlacePoint[] {
  // One copy and a splice: spreading slices of 200,000 entries cost ~13 ms CPU per edit (bench:coverage:live).
  const i = find(list, point.id);
  if (i < 0 && !belongs) return list;
  const copy = list.slice();
  if (i >= 0 && belongs) copy[i] = point;
  else if (i >= 0) copy.splice(i, 1);
  else copy.splice(-1 - i, 0, point);
  return copy;
}

/**
 * Every key place of the deployment, read once and kept by the node, so a coverage question
 * reads no place rows (issue 16: the 200,000 rows read per national question, young when the
 * question ran, were the collections behind its p99). A place created or edited is applied to the
 * list from its event (this node's commits at once, other nodes' through the bus; at least once
 * and in any order: the row's version decides) — a read of 200,000 rows per node per edit was the
 * price before. Any other place, jurisdiction or onboarding event, an event the list cannot apply,
 * and the bus coming back after a loss (events may have gone by) drop it: the next question reads
 * it again, once for all the questions waiting on it. A question gets the places of its scope by
 * reference (the same objects every time; a scope asked again is the same array until a change,
 * then a new array): read them, do not change them.
 */
export class KeyPlaceList {
  private current: Promise<Read> | undefined;
  /** The read `current` resolved to (undefined while it is being read): changes are applied to it. */
  private settled: Read | undefined;
  /** How often the list was read from the database, and how many events were applied to it instead; tests read them. */
  loads = 0;
  applied = 0;

  constructor(private readonly load: () => Promise<readonly KeyPlacePoint[]>) {}

  /** The list of the database's key places (all of them, in id order, as `keyPlacePoints` reads them). */
  static of(db: Queryable): KeyPlaceList {
    return new KeyPlaceList(() => keyPlacePoints(db, { roots: [''] }));
  }

  /** Follows place changes: this node's commits, the bus's events, the bus's reconnects. Returns the unsubscriber. */
  attach(platform: Pick<Platform, 'bus' | 'onLocalCommit'>): () => void {
    const offBus = platform.bus.subscribe((e) => this.follow(e.type, e.data));
    const offLocal = platform.onLocalCommit((events) => { for (const e of events) this.follow(e.type, e.data); });
    const offReconnect = platform.bus.onReconnect(() => this.drop());
    return () => { offBus(); offLocal(); offReconnect(); };
  }

  /**
   * Forgets the list: the next question reads it again. For writes that bypass the commands (and
   * so emit no event), such as a test's or an operator's SQL.
   */
  drop(): void {
    this.current = undefined;
    this.settled = undefined;
  }

  /** An event: applied when it says what changed (a place created or edited), else the list dropped. */
  private follow(type: string, data: unknown): void {
    if (!KEY_PLACE_EVENT_PREFIXES.some((p) => type.startsWith(p))) return;
    const read = this.settled;
    // Still being read: the read may or may not hold the change, so it is not kept.
    if (read === undefined) return this.drop();
    const id = (data as { id?: unknown } | null)?.id;
    const i = typeof id === 'string' ? find(read.all, id) : -1;
    const point = typeof id === 'string' ? pointOf(type, data, i >= 0 ? read.all[i] : undefined) : null;
    if (point === null) return this.drop();
    const before = i >= 0 ? read.all[i] : undefined;
    // The same event again (its own commit, then the bus), or an older one late: already in.
    if (before !== undefined && (before.version ?? Infinity) >= point.version!) return;
    read.all = withPoint(read.all, point, true);
    for (const s of read.scopes.values()) s.places = withPoint(s.places, point, s.matches(point));
    this.applied++;
  }

  private read(): Promise<Read> {
    let current = this.current;
    if (!current) {
      const started = (this.current = current = this.load().then((rows) => {
        this.loads++;
        // Changes are found by binary search on the id: in the database's order (uuid: as the strings compare) already, else sorted so.
        let sorted = true;
        for (let k = 1; k < rows.length && sorted; k++) sorted = rows[k - 1]!.id < rows[k]!.id;
        const all = sorted ? rows : [...rows].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
        const read: Read = { all, scopes: new Map() };
        // Dropped meanwhile (an event during the read): handed to those waiting, not kept.
        if (this.current === started) this.settled = read;
        return read;
      }));
      started.catch(() => { if (this.current === started) this.current = undefined; });
    }
    return current;
  }

  /** The key places in this scope, in id order (as the strings compare): those `keyPlacePoints(db, scope)` reads, the same array until a change. */
  async inScope(scope: KeyPlaceScope): Promise<readonly KeyPlacePoint[]> {
    const read = await this.read();
    const categories = scope.category === undefined ? undefined : [...new Set(scope.category)].sort();
    const key = JSON.stringify([[...scope.roots].sort(), scope.underPath ?? null, categories ?? null]);
    let found = read.scopes.get(key);
    if (found === undefined) {
      const wanted = categories === undefined ? undefined : new Set(categories);
      const roots = [...scope.roots], underPath = scope.underPath;
      const matches = (p: KeyPlacePoint) => roots.some((r) => under(p.jurisdictionPath, r))
        && (underPath === undefined || under(p.jurisdictionPath, underPath))
        && (wanted === undefined || wanted.has(p.category));
      found = { matches, places: read.all.filter(matches) };
      if (read.scopes.size >= REMEMBERED_SCOPES) read.scopes.clear();
      read.scopes.set(key, found);
    }
    return found.places;
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
