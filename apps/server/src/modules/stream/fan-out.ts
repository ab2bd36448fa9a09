import { spreadFieldOf } from '@firebreak/contracts';
import type { EventBus, PublishedEvent } from '../../platform/events/bus.js';
import { SpreadParts } from './wire.js';

/** One stream socket as the fan-out knows it: the roots of its grants, and where its events go. */
export interface StreamListener {
  roots: readonly string[];
  deliver(event: PublishedEvent): void;
}

/**
 * One bus subscription for all the stream sockets of a node, indexed by the roots of their
 * grants: an event at `li.oberland.vaduz` goes only to sockets with a grant at `li`,
 * `li.oberland` or `li.oberland.vaduz` (each then applies the full visibility rule), instead of
 * every socket checking every event. With a national directive delivered to 3,000 stations
 * watched by 3,000 sockets that is 3,000 candidate checks instead of 9 million.
 * An event without a jurisdiction can only be seen from a root grant.
 */
export class FanOut {
  private readonly byRoot = new Map<string, Set<StreamListener>>();
  /** Every listener once, whatever its roots: the node's open stream sockets (`/metrics`). */
  private readonly all = new Set<StreamListener>();
  private readonly unsubscribe: () => void;

  constructor(bus: EventBus) {
    this.unsubscribe = bus.subscribe((e) => this.dispatch(e));
  }

  get size(): number {
    return this.all.size;
  }

  add(listener: StreamListener): () => void {
    this.all.add(listener);
    for (const root of new Set(listener.roots)) {
      let set = this.byRoot.get(root);
      if (!set) this.byRoot.set(root, (set = new Set()));
      set.add(listener);
    }
    return () => this.remove(listener);
  }

  /** Re-indexes a listener whose grants changed (the stream re-reads its actor now and then). */
  update(listener: StreamListener, roots: readonly string[]): StreamListener {
    this.remove(listener);
    const next = { ...listener, roots };
    this.add(next);
    return next;
  }

  close(): void {
    this.unsubscribe();
    this.byRoot.clear();
    this.all.clear();
  }

  private remove(listener: StreamListener): void {
    this.all.delete(listener);
    for (const root of new Set(listener.roots)) {
      const set = this.byRoot.get(root);
      set?.delete(listener);
      if (set?.size === 0) this.byRoot.delete(root);
    }
  }

  private dispatch(e: PublishedEvent): void {
    const path = e.jurisdictionPath;
    if (path === null) {
      for (const [root, set] of this.byRoot) if (!root.includes('.')) for (const l of set) l.deliver(e);
      return;
    }
    const field = spreadFieldOf(e.type);
    if (field === undefined) {
      this.forEachCovering(path, (l) => l.deliver(e));
      return;
    }
    // A spread event (one directive to thousands of targets): whole to the sockets covering its own
    // path, and to each socket below it once, with only the targets its roots cover (send() applies
    // the full rule to those). Per target, its path and ancestors: not every socket times every target.
    const whole = new Set<StreamListener>();
    this.forEachCovering(path, (l) => {
      whole.add(l);
      l.deliver(e);
    });
    const data = e.data as Record<string, unknown> | null;
    const targets = data?.[field];
    if (!Array.isArray(targets)) return;
    const parts = new Map<StreamListener, unknown[]>();
    for (const t of targets as { jurisdictionPath?: unknown }[]) {
      if (typeof t?.jurisdictionPath !== 'string') continue;
      this.forEachCovering(t.jurisdictionPath, (l) => {
        if (whole.has(l)) return;
        const part = parts.get(l);
        if (!part) parts.set(l, [t]);
        else if (part.at(-1) !== t) part.push(t);
      });
    }
    // Each part's bytes are made from the envelope and the targets serialized once (wire.ts), not per socket.
    const spread = new SpreadParts(e, field);
    for (const [l, part] of parts) l.deliver(spread.part(part));
  }

  /** Each listener with a root at `path` or one of its ancestors (a listener with several such roots, once per root). */
  private forEachCovering(path: string, fn: (l: StreamListener) => void): void {
    // The path itself and each of its ancestors, root first: the only grants that can cover it.
    for (let end = path.indexOf('.'); ; end = path.indexOf('.', end + 1)) {
      const prefix = end === -1 ? path : path.slice(0, end);
      const set = this.byRoot.get(prefix);
      if (set) for (const l of set) fn(l);
      if (end === -1) return;
    }
  }
}

const perBus = new WeakMap<EventBus, FanOut>();

/** The node's fan-out over `bus`, made on first use. */
export function fanOutOf(bus: EventBus): FanOut {
  let f = perBus.get(bus);
  if (!f) perBus.set(bus, (f = new FanOut(bus)));
  return f;
}
