import { EventEmitter } from 'node:events';

/** An event as it travels on the bus and the stream: a committed fact with its delivery position. */
export interface PublishedEvent {
  id: string;
  position: number;
  type: string;
  occurredAt: string;
  jurisdictionPath: string | null;
  data: unknown;
}

export type EventHandler = (event: PublishedEvent) => void;

/**
 * The event bus carries published events to every API node. Delivery is at least once:
 * handlers drop duplicates by event id.
 */
export interface EventBus {
  readonly kind: 'in-process' | 'nats';
  publish(events: PublishedEvent[]): Promise<void>;
  subscribe(handler: EventHandler): () => void;
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

  subscribe(handler: EventHandler): () => void {
    this.emitter.on('event', handler);
    return () => this.emitter.off('event', handler);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
