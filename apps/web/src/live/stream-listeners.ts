import type { StreamEvent } from '@firebreak/contracts';

/** Something that wants every batch of stream events after the cache has taken it (e.g. the alerts). */
export type StreamListener = (events: readonly StreamEvent[]) => void;

const listeners = new Set<StreamListener>();

/** Listens to every batch the stream (or `firebreakLive.inject`) delivers; returns the unsubscribe. */
export function onStreamEvents(listener: StreamListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Hands a batch to every listener; one failing listener never stops the stream or the others. */
export function notifyStreamListeners(events: readonly StreamEvent[]): void {
  for (const listener of listeners) {
    try {
      listener(events);
    } catch (err) {
      console.error('stream listener failed', err);
    }
  }
}
