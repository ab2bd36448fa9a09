import type { StreamEvent } from '@firebreak/contracts';

export type ConnectionState = 'connecting' | 'replaying' | 'live' | 'offline';

export interface StreamStatus {
  state: ConnectionState;
  /** Attempts since the last successful connection. */
  attempt: number;
  /** When the next attempt is due, while offline. */
  retryAt: number | null;
  lastEventId: string | null;
  /** Events replayed by the last resume. */
  replayed: number;
  /** Set when the server could not resume from our last event (we refetch everything). */
  resumeLost: boolean;
}

export interface StreamClientOptions {
  url: (after: string | null) => string;
  onEvents: (events: StreamEvent[]) => void;
  onStatus: (status: StreamStatus) => void;
  /** Called after a resume gap the server could not fill: caches must be refetched. */
  onResync: () => void;
  /** The server closed the socket because the session or grants ended (4401/4403): find out why instead of retrying blind. */
  onAccessEnded?: () => void;
  makeSocket?: (url: string) => WebSocket;
  /** Runs `run` at the next frame; the browser's animation frame by default (a hidden tab gets none: 50 ms then). */
  nextFrame?: (run: () => void) => void;
  /** Backoff: min(maxDelay, base * 2^attempt) with ±20 % jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * AVL positions wait this long after the last one came for more before they are handed on (at most
 * POSITIONS_HOLD_MAX_MS in all): one batch of fixes on the server is one event per jurisdiction, sent
 * back to back, and handed on in two animation frames the map would re-tile its units twice for one
 * batch (docs/benchmarks.md, "Web app in the browser: what dominates"). A position is a second old
 * anyway; any other event is handed on at the next frame, with the positions held so far.
 */
export const POSITIONS_SETTLE_MS = 20;

function browserNextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden) requestAnimationFrame(run);
  else setTimeout(run, 50);
}
export const POSITIONS_HOLD_MAX_MS = 100;

/**
 * One WebSocket to the event stream. On a drop it reconnects with exponential backoff and
 * resumes after the last event it saw; the server replays what was missed, in order. Events
 * arriving in one burst (a replay, or a busy second) are delivered as one batch per animation
 * frame, so a thousand events cost one cache update, not a thousand.
 */
export class StreamClient {
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private batch: StreamEvent[] = [];
  private flushScheduled = false;
  /** Positions being held (see POSITIONS_SETTLE_MS): the timer that hands them on, and when the first came. */
  private settle: ReturnType<typeof setTimeout> | null = null;
  private heldSince: number | null = null;
  private stopped = false;
  private status: StreamStatus = { state: 'connecting', attempt: 0, retryAt: null, lastEventId: null, replayed: 0, resumeLost: false };

  constructor(private readonly opts: StreamClientOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.settle) clearTimeout(this.settle);
    this.socket?.close(1000, 'bye');
    this.socket = null;
  }

  /** Skip the backoff wait (the user pressed "retry now", or the browser came back online). */
  retryNow(): void {
    if (this.status.state !== 'offline' || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.connect();
  }

  private connect(): void {
    this.set({ state: 'connecting', retryAt: null });
    const make = this.opts.makeSocket ?? ((u: string) => new WebSocket(u));
    const socket = make(this.opts.url(this.status.lastEventId));
    this.socket = socket;
    socket.onmessage = (msg) => this.receive(String(msg.data));
    socket.onclose = (ev?: { code?: number }) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.flush();
      if (ev?.code === 4401 || ev?.code === 4403) this.opts.onAccessEnded?.();
      if (!this.stopped) this.scheduleRetry();
    };
    socket.onerror = () => socket.close();
  }

  private receive(text: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof msg !== 'object' || msg === null) return;
    if ('kind' in msg) {
      const control = msg as { kind: string; replayed?: number; code?: string };
      if (control.kind === 'hello') this.set({ state: 'replaying' });
      if (control.kind === 'caught_up') {
        this.flush();
        this.set({ state: 'live', attempt: 0, replayed: control.replayed ?? 0 });
      }
      if (control.kind === 'error' && control.code === 'STREAM_RESUME_UNKNOWN') {
        this.set({ resumeLost: true });
        this.opts.onResync();
      }
      return;
    }
    const event = msg as StreamEvent;
    if (typeof event.id !== 'string') return;
    // A broadcast (AVL positions, position 0) is in no outbox: resuming after it would be refused.
    if (event.position !== 0) this.status.lastEventId = event.id;
    this.batch.push(event);
    if (event.type === 'units.positions_reported') this.holdPositions();
    else this.scheduleFlush();
  }

  /** Hands the batch on once no position came for POSITIONS_SETTLE_MS, or POSITIONS_HOLD_MAX_MS after the first held. */
  private holdPositions(): void {
    if (this.flushScheduled) return;
    const now = Date.now();
    this.heldSince ??= now;
    if (this.settle) clearTimeout(this.settle);
    const wait = Math.min(POSITIONS_SETTLE_MS, this.heldSince + POSITIONS_HOLD_MAX_MS - now);
    if (wait <= 0) {
      this.settle = null;
      this.scheduleFlush();
      return;
    }
    this.settle = setTimeout(() => {
      this.settle = null;
      this.scheduleFlush();
    }, wait);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const run = () => {
      this.flushScheduled = false;
      this.flush();
    };
    (this.opts.nextFrame ?? browserNextFrame)(run);
  }

  private flush(): void {
    if (this.settle) clearTimeout(this.settle);
    this.settle = null;
    this.heldSince = null;
    if (this.batch.length === 0) return;
    const events = this.batch;
    this.batch = [];
    this.opts.onEvents(events);
  }

  private scheduleRetry(): void {
    const base = this.opts.baseDelayMs ?? 1000;
    const max = this.opts.maxDelayMs ?? 30_000;
    const attempt = this.status.attempt + 1;
    const delay = Math.min(max, base * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
    this.set({ state: 'offline', attempt, retryAt: Date.now() + delay });
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private set(patch: Partial<StreamStatus>): void {
    this.status = { ...this.status, ...patch };
    this.opts.onStatus(this.status);
  }
}
