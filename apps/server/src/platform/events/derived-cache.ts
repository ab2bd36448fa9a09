import type { EventBus } from './bus.js';

/**
 * A value built on first use from data that events can change (e.g. the base map's boundaries or
 * the geocoder's jurisdictions): an event whose type starts with one of `prefixes` drops it, and
 * the next `get()` builds it again. A failed build is dropped too, so the next call retries.
 */
export class EventDroppedCache<T> {
  private current: Promise<T> | undefined;

  constructor(private readonly build: () => Promise<T>, private readonly prefixes: readonly string[]) {}

  /** Follows changes from this node or (through the bus) any other. */
  attach(bus: EventBus): () => void {
    return bus.subscribe((event) => {
      if (this.prefixes.some((prefix) => event.type.startsWith(prefix))) this.current = undefined;
    });
  }

  /** Drops the value (its source may have changed unseen, e.g. events missed while the bus was away): the next `get()` builds it again. */
  drop(): void {
    this.current = undefined;
  }

  get(): Promise<T> {
    let current = this.current;
    if (!current) {
      current = this.build();
      this.current = current;
      current.catch(() => {
        if (this.current === current) this.current = undefined;
      });
    }
    return current;
  }
}
