import WebSocket from 'ws';
import type { PublishedEvent } from '../src/platform/events/bus.js';

/** A control message (`hello`, `caught_up`, `error`) or an event, as the stream sends them. */
export type StreamMessage = ({ kind: string } & Record<string, unknown>) | (PublishedEvent & { kind?: undefined });

export class StreamRefused extends Error {
  constructor(readonly status: number) {
    super(`stream refused with HTTP ${status}`);
  }
}

/** A test client of GET /api/v1/stream that records every message it receives. */
export class StreamClient {
  readonly messages: StreamMessage[] = [];
  /** Resolves with the close code once the connection has ended, from either side. */
  readonly closed: Promise<number>;
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as StreamMessage);
      for (const l of this.listeners) l();
    });
  }

  /** Opens the stream at `baseUrl` (http://host:port); rejects with StreamRefused when the upgrade is answered with an HTTP error. */
  static connect(baseUrl: string, opts: { cookie?: string; after?: string; headers?: Record<string, string> } = {}): Promise<StreamClient> {
    const url = new URL('/api/v1/stream', baseUrl.replace(/^http/, 'ws'));
    if (opts.after) url.searchParams.set('after', opts.after);
    const socket = new WebSocket(url, { headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers } });
    const client = new StreamClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_req, res) => {
        reject(new StreamRefused(res.statusCode ?? 0));
        socket.terminate();
      });
      socket.once('error', reject);
    });
  }

  /** The events received so far, in order (control messages left out). */
  events(): PublishedEvent[] {
    return this.messages.filter((m): m is PublishedEvent & { kind?: undefined } => m.kind === undefined);
  }

  eventIds(): string[] {
    return this.events().map((e) => e.id);
  }

  /** Resolves with the first message received (so far or later) that matches; fails after timeoutMs. */
  waitFor(match: (m: StreamMessage) => boolean, timeoutMs = 20_000): Promise<StreamMessage> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.messages.find(match);
        if (!found) return false;
        done();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching stream message within ${timeoutMs} ms; received: ${JSON.stringify(this.messages.map(summary))}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => void check();
      this.listeners.add(listener);
      check();
    });
  }

  /** Resolves with the first event (so far or later) that matches. */
  async waitForEventWhere(match: (e: PublishedEvent) => boolean, timeoutMs?: number): Promise<PublishedEvent> {
    return (await this.waitFor((m) => m.kind === undefined && match(m), timeoutMs)) as PublishedEvent;
  }

  waitForEvent(id: string, timeoutMs?: number): Promise<PublishedEvent> {
    return this.waitForEventWhere((e) => e.id === id, timeoutMs);
  }

  waitForKind(kind: string, timeoutMs?: number): Promise<StreamMessage> {
    return this.waitFor((m) => m.kind === kind, timeoutMs);
  }

  async close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    await this.closed;
  }
}

function summary(m: StreamMessage): string {
  return m.kind ?? `${m.type} ${m.id}`;
}
