import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POSITIONS_HOLD_MAX_MS, StreamClient, type StreamStatus } from './stream-client';

/** A stand-in for the browser's WebSocket: the test plays the server. */
class FakeSocket {
  static made: FakeSocket[] = [];
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) { FakeSocket.made.push(this); }
  send(msg: unknown) { this.onmessage?.({ data: JSON.stringify(msg) }); }
  close() { this.onclose?.(); }
}

describe('StreamClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.made = [];
  });
  afterEach(() => vi.useRealTimers());

  it('reconnects with growing delays and resumes after the last event it saw', () => {
    const statuses: StreamStatus[] = [];
    const received: string[] = [];
    const client = new StreamClient({
      url: (after) => `ws://x/stream${after ? `?after=${after}` : ''}`,
      onEvents: (es) => received.push(...es.map((e) => e.id)),
      onStatus: (s) => statuses.push(s),
      onResync: () => undefined,
      makeSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
      baseDelayMs: 1000,
    });
    client.start();
    const first = FakeSocket.made[0]!;
    expect(first.url).toBe('ws://x/stream');
    first.send({ kind: 'hello', resumedFrom: null });
    first.send({ kind: 'caught_up', replayed: 0 });
    first.send({ id: 'ev-1', type: 'incidents.opened', data: {} });
    vi.advanceTimersByTime(100);
    expect(received).toEqual(['ev-1']);
    expect(statuses.at(-1)!.state).toBe('live');

    first.close();
    expect(statuses.at(-1)).toMatchObject({ state: 'offline', attempt: 1 });
    vi.advanceTimersByTime(1300);
    const second = FakeSocket.made[1]!;
    expect(second.url).toBe('ws://x/stream?after=ev-1');
    second.close();
    expect(statuses.at(-1)).toMatchObject({ state: 'offline', attempt: 2 });
    // The second wait is about twice the first (±20 % jitter): not yet after 1.3 s.
    vi.advanceTimersByTime(1300);
    expect(FakeSocket.made).toHaveLength(2);
    vi.advanceTimersByTime(1300);
    expect(FakeSocket.made).toHaveLength(3);
    const third = FakeSocket.made[2]!;
    third.send({ kind: 'hello', resumedFrom: 'ev-1' });
    third.send({ id: 'ev-2', type: 'x', data: {} });
    third.send({ kind: 'caught_up', replayed: 1 });
    expect(received).toEqual(['ev-1', 'ev-2']);
    expect(statuses.at(-1)).toMatchObject({ state: 'live', attempt: 0, replayed: 1 });
    client.stop();
  });

  it('resumes after the last stored event, not after a broadcast position (position 0, never replayed)', () => {
    const received: string[] = [];
    const client = new StreamClient({ url: (after) => `ws://x/stream${after ? `?after=${after}` : ''}`, onEvents: (es) => received.push(...es.map((e) => e.id)), onStatus: () => undefined, onResync: () => undefined, makeSocket: (u) => new FakeSocket(u) as unknown as WebSocket, baseDelayMs: 1000 });
    client.start();
    const first = FakeSocket.made[0]!;
    first.send({ kind: 'hello', resumedFrom: null });
    first.send({ kind: 'caught_up', replayed: 0 });
    first.send({ id: 'ev-7', position: 7, type: 'units.status_changed', data: {} });
    first.send({ id: 'fix-1', position: 0, type: 'units.positions_reported', data: { fixes: [] } });
    vi.advanceTimersByTime(100);
    expect(received).toEqual(['ev-7', 'fix-1']);
    first.close();
    vi.advanceTimersByTime(1300);
    expect(FakeSocket.made[1]!.url).toBe('ws://x/stream?after=ev-7');
    client.stop();
  });

  it('asks for a full refetch when the server cannot resume from our last event', () => {
    const resync = vi.fn();
    const client = new StreamClient({ url: () => 'ws://x', onEvents: () => undefined, onStatus: () => undefined, onResync: resync, makeSocket: (u) => new FakeSocket(u) as unknown as WebSocket });
    client.start();
    FakeSocket.made[0]!.send({ kind: 'error', code: 'STREAM_RESUME_UNKNOWN', detail: 'x' });
    expect(resync).toHaveBeenCalledOnce();
    client.stop();
  });

  it('asks why when the server ends access (4401, e.g. an idle session), not when the network drops', () => {
    let ended = 0;
    const client = new StreamClient({
      url: () => 'ws://x/stream',
      onEvents: () => undefined,
      onStatus: () => undefined,
      onResync: () => undefined,
      onAccessEnded: () => ended++,
      makeSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
    });
    client.start();
    FakeSocket.made[0]!.close();
    expect(ended).toBe(0);
    vi.advanceTimersByTime(60_000);
    const second = FakeSocket.made.at(-1)!;
    (second.onclose as unknown as (ev: { code: number }) => void)({ code: 4401 });
    expect(ended).toBe(1);
    client.stop();
  });

  describe('AVL positions: one batch of fixes on the server, one hand-over (one re-tiling of the map)', () => {

    function live() {
      const batches: string[][] = [];
      const client = new StreamClient({ url: () => 'ws://x', onEvents: (es) => batches.push(es.map((e) => e.id)), onStatus: () => undefined, onResync: () => undefined, makeSocket: (u) => new FakeSocket(u) as unknown as WebSocket,
        // The browser's frames, every 16 ms, on the fake clock.
        nextFrame: (run) => setTimeout(run, 16) });
      client.start();
      const socket = FakeSocket.made[0]!;
      socket.send({ kind: 'hello', resumedFrom: null });
      socket.send({ kind: 'caught_up', replayed: 0 });
      const fix = (id: string) => socket.send({ id, position: 0, type: 'units.positions_reported', data: { fixes: [] } });
      return { client, socket, batches, fix };
    }

    it('a batch that comes as several events over more than one frame is handed on once', () => {
      const { client, batches, fix } = live();
      // One event per jurisdiction of one batch, parsed one after another across frame boundaries.
      fix('j1');
      vi.advanceTimersByTime(10);
      fix('j2');
      vi.advanceTimersByTime(10);
      fix('j3');
      vi.advanceTimersByTime(200);
      expect(batches).toEqual([['j1', 'j2', 'j3']]);
      client.stop();
    });

    it('any other event is handed on at the next frame, with the positions held so far', () => {
      const { client, socket, batches, fix } = live();
      fix('j1');
      socket.send({ id: 'ev-1', position: 1, type: 'incidents.opened', data: {} });
      vi.advanceTimersByTime(17);
      expect(batches).toEqual([['j1', 'ev-1']]);
      client.stop();
    });

    it('positions that never pause are still handed on, at most the hold limit after the first', () => {
      const { client, batches, fix } = live();
      for (let i = 0; i < 30; i++) {
        fix(`f${i}`);
        vi.advanceTimersByTime(10);
      }
      // 300 ms of positions every 10 ms: handed on every POSITIONS_HOLD_MAX_MS (+ a frame), not held to the end.
      expect(batches.length).toBeGreaterThanOrEqual(Math.floor(300 / (POSITIONS_HOLD_MAX_MS + 16 + 10)));
      vi.advanceTimersByTime(200);
      expect(batches.flat()).toEqual(Array.from({ length: 30 }, (_, i) => `f${i}`));
      client.stop();
    });
  });
});
