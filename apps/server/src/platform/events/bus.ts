import { EventEmitter } from 'node:events';

/** An event as it travels on the bus and the stream: a committed fact with its delivery position. */
export interface PublishedEvent {
  id: string;
  /** The outbox's delivery position; `LIVE_ONLY` for a broadcast that is never stored nor replayed. */
  position: number;
  type: string;
  occurredAt: string;
  jurisdictionPath: string | null;
  data: unknown;
}

export type EventHandler = (event: PublishedEvent) => void;

/**
 * A compact wire form for the broadcasts of one event type (`EventBus.setBroadcastCodec`), used
 * between nodes instead of their JSON; `decode(encode(events))` must equal `events`.
 */
export interface BroadcastCodec {
  encode(events: readonly PublishedEvent[]): Uint8Array;
  decode(bytes: Uint8Array): PublishedEvent[];
}

/**
 * The position of a broadcast event (`EventBus.broadcast`): no outbox row, so no place in the
 * delivery order and nothing to resume from. Outbox positions start at 1.
 */
export const LIVE_ONLY = 0;

/**
 * The event bus carries published events to every API node. Delivery is at least once:
 * handlers drop duplicates by event id.
 */
export interface EventBus {
  readonly kind: 'in-process' | 'nats';
  publish(events: PublishedEvent[]): Promise<void>;
  /**
   * Hands events that are not commands' facts but passing states, superseded by the next (AVL
   * positions), to every node's handlers: this node's at once, the others' at most once over a
   * plain (not persisted) channel. No outbox row, no replay: a node or socket that misses one
   * learns the state from the next. Each event has `position: LIVE_ONLY`.
   */
  broadcast(events: PublishedEvent[]): void;
  /** Sends the broadcasts of `type` (all of one type per call) in `codec`'s form between nodes; a bus with no wire ignores it. */
  setBroadcastCodec(type: string, codec: BroadcastCodec): void;
  subscribe(handler: EventHandler): () => void;
  /**
   * Called when the node's link to the other nodes comes back after a loss (or is first made
   * after starting without it): events may have gone by meanwhile, so views built from events
   * read their source again. Returns the unsubscriber.
   */
  onReconnect(handler: () => void): () => void;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The default bus: one process, no broker. */
export class InProcessBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(events: PublishedEvent[]): Promise<void> {
    for (const e of events) this.emitter.emit('event', e);
  }

  broadcast(events: PublishedEvent[]): void {
    for (const e of events) this.emitter.emit('event', e);
  }

  setBroadcastCodec(): void {
    // One process: events are handed over as they are, never encoded.
  }

  subscribe(handler: EventHandler): () => void {
    this.emitter.on('event', handler);
    return () => this.emitter.off('event', handler);
  }

  onReconnect(_handler: () => void): () => void {
    // One process: nothing between the nodes to lose, so never called.
    return () => undefined;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
