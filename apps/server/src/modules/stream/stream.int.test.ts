import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backend, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { StreamClient, StreamRefused } from '../../../test/stream-client.js';
import { rows } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/bus.js';

/**
 * Fault injection: the relay's next publish reaches the bus, then its transaction stays open
 * (positions assigned, not committed) until release() — the window a resuming client can hit.
 */
function holdRelayCommit(bus: EventBus): { published: Promise<void>; release: () => void } {
  const original = bus.publish.bind(bus);
  let release!: () => void;
  let published!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const publishedOnce = new Promise<void>((resolve) => (published = resolve));
  bus.publish = async (events) => {
    bus.publish = original;
    await original(events);
    published();
    await released;
  };
  return { published: publishedOnce, release };
}

describe('event stream over WebSocket', () => {
  let t: TestApp;
  let baseUrl: string;
  let cookie: string;
  let vaduzId: string;
  const clients: StreamClient[] = [];

  const connect = async (opts: { after?: string } = {}): Promise<StreamClient> => {
    const client = await StreamClient.connect(baseUrl, { cookie, ...opts });
    clients.push(client);
    return client;
  };

  /** A command that emits one event; returns the id of that event, read from the outbox. */
  const createStation = async (): Promise<string> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jurisdictions',
      headers: { cookie },
      payload: { parentId: vaduzId, name: `Station ${randomBytes(4).toString('hex')}`, level: 'station' },
    });
    expect(res.statusCode).toBe(201);
    const [event] = await rows<{ id: string }>(t.app.platform.db, sql`select id from outbox where type = 'jurisdictions.created' and data->>'id' = ${res.json().id}`);
    return event!.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as { port: number };
    baseUrl = `http://127.0.0.1:${port}`;
    cookie = await loginAdmin(t.app);
    vaduzId = (await jurisdictionByPath(t.app, 'li.oberland.vaduz')).id;
  }, 60_000);
  /** Until the stream has either finished its replay or is waiting for a lock before it. */
  const untilReplayRanOrWaits = async (client: StreamClient): Promise<void> => {
    for (let i = 0; i < 200; i++) {
      if (client.messages.some((m) => m.kind === 'caught_up')) return;
      const waiting = await rows(t.app.platform.db, sql`select 1 from pg_locks where locktype = 'advisory' and not granted`);
      if (waiting.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the stream neither replayed nor waited');
  };

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => t?.close());

  it('sends hello, caught_up, then the live events of commands', async () => {
    const client = await connect();
    await client.waitForKind('caught_up');
    const eventId = await createStation();
    const event = await client.waitForEvent(eventId);
    expect(client.messages.slice(0, 2)).toEqual([
      { kind: 'hello', resumedFrom: null },
      { kind: 'caught_up', replayed: 0 },
    ]);
    expect(event).toMatchObject({ type: 'jurisdictions.created', jurisdictionPath: expect.stringMatching(/^li\.oberland\.vaduz\./), position: expect.any(Number) });
    expect(client.eventIds()).toEqual([eventId]);
  });

  it('gives a client that resumes with ?after= exactly the events it missed, in order, then live ones', async () => {
    const first = await connect();
    await first.waitForKind('caught_up');
    const lastSeen = await createStation();
    await first.waitForEvent(lastSeen);
    await first.close();

    const missed = [await createStation(), await createStation(), await createStation()];
    await t.app.platform.relay.drain();
    const resumed = await connect({ after: lastSeen });
    await resumed.waitForKind('caught_up');
    const live = await createStation();
    await resumed.waitForEvent(live);

    expect(resumed.messages.map((m) => m.kind ?? m.id)).toEqual(['hello', ...missed, 'caught_up', live]);
    expect(resumed.messages[0]).toEqual({ kind: 'hello', resumedFrom: lastSeen });
    expect(resumed.messages.find((m) => m.kind === 'caught_up')).toEqual({ kind: 'caught_up', replayed: missed.length });
  });

  it('has no gap and no duplicate when events are committed while the client resumes', async () => {
    const first = await connect();
    await first.waitForKind('caught_up');
    const lastSeen = await createStation();
    await first.waitForEvent(lastSeen);
    await first.close();
    const before = [await createStation(), await createStation()];

    const [resumed, during] = await Promise.all([connect({ after: lastSeen }), Promise.all([createStation(), createStation(), createStation()])]);
    const after = await createStation();
    await resumed.waitForEvent(after);
    // The relay publishes before it commits: wait for its commit before reading positions.
    await t.app.platform.relay.drain();

    const published = await rows<{ id: string }>(
      t.app.platform.db,
      sql`select id from outbox where position > (select position from outbox where id = ${lastSeen}) order by position`,
    );
    expect(resumed.eventIds()).toEqual(published.map((r) => r.id));
    expect(new Set(resumed.eventIds())).toEqual(new Set([...before, ...during, after]));
  });

  // PGlite has one connection, so a replay query waits behind the relay's open transaction anyway.
  it.runIf(backend === 'postgres')('has no gap when the client resumes while the relay has published but not yet committed', async () => {
    const first = await connect();
    await first.waitForKind('caught_up');
    const lastSeen = await createStation();
    await first.waitForEvent(lastSeen);
    await first.close();

    const held = holdRelayCommit(t.app.platform.bus);
    let inFlight: string;
    let resumed: StreamClient;
    try {
      inFlight = await createStation();
      await held.published;
      resumed = await connect({ after: lastSeen });
      await untilReplayRanOrWaits(resumed);
    } finally {
      held.release();
    }
    await resumed.waitForKind('caught_up');
    const live = await createStation();
    await resumed.waitForEvent(live);
    expect(resumed.eventIds()).toEqual([inFlight, live]);
  });

  it('answers an unknown ?after= with an error message, then streams live events', async () => {
    const client = await connect({ after: uuidv7() });
    await client.waitForKind('caught_up');
    const eventId = await createStation();
    await client.waitForEvent(eventId);
    expect(client.messages[0]).toMatchObject({ kind: 'error', code: 'STREAM_RESUME_UNKNOWN' });
    expect(client.messages.slice(1)).toEqual([{ kind: 'hello', resumedFrom: null }, { kind: 'caught_up', replayed: 0 }, expect.objectContaining({ id: eventId })]);
  });

  it('refuses a connection without a valid session with 401', async () => {
    await expect(StreamClient.connect(baseUrl)).rejects.toThrow(new StreamRefused(401));
    await expect(StreamClient.connect(baseUrl, { cookie: 'firebreak_session=not-a-session' })).rejects.toThrow(new StreamRefused(401));
  });
});
