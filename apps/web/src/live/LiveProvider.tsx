import type { StreamEvent } from '@firebreak/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { call, fb, streamUrl } from '../api/http';
import { applyEvents } from './apply-events';
import { StreamClient, type StreamStatus } from './stream-client';
import { notifyStreamListeners } from './stream-listeners';

interface Live {
  status: StreamStatus;
  retryNow: () => void;
}

const LiveContext = createContext<Live | null>(null);

declare global {
  /** For end-to-end tests: how many stream events this page has applied. */
  interface Window {
    firebreakStream?: { received: number; lastType: string | null };
    /**
     * For tests and benchmarks: feed events down the same path as the stream (cache, board, map),
     * and seed a query (e.g. 5,000 units) without a server holding them.
     */
    firebreakLive?: { inject: (events: StreamEvent[]) => void; seed: (key: readonly unknown[], data: unknown) => void };
  }
}

const unitById = (id: string) => call(fb.GET('/api/v1/units/{id}', { params: { path: { id } } }));

/** Keeps one event stream open while signed in and feeds it into the query cache. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>({ state: 'connecting', attempt: 0, retryAt: null, lastEventId: null, replayed: 0, resumeLost: false });
  const stream = useRef<StreamClient | null>(null);

  useEffect(() => {
    let received = 0;
    const s = new StreamClient({
      url: (after) => streamUrl(after ?? undefined),
      onEvents: (events) => {
        received += events.length;
        window.firebreakStream = { received, lastType: events.at(-1)?.type ?? null };
        applyEvents(client, events, unitById);
        notifyStreamListeners(events);
      },
      onStatus: setStatus,
      onResync: () => void client.invalidateQueries(),
      // A 401 here (e.g. AUTH_SESSION_IDLE) fires SESSION_ENDED: the console goes to the login screen and says why.
      onAccessEnded: () => void call(fb.GET('/api/v1/auth/me')).catch(() => undefined),
    });
    stream.current = s;
    s.start();
    window.firebreakLive = {
      inject: (events) => {
        applyEvents(client, events, unitById);
        notifyStreamListeners(events);
      },
      seed: (key, data) => client.setQueryData(key, data),
    };
    const online = () => s.retryNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.firebreakLive = undefined;
      s.stop();
    };
  }, [client]);

  return <LiveContext.Provider value={{ status, retryNow: () => stream.current?.retryNow() }}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveProvider');
  return live;
}
