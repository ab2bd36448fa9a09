import type { Actor } from '../../platform/auth/access.js';
import { hotRows, hotStatement, type Queryable } from '../../platform/db/client.js';
import { idleMinutesFor, sessionActor, tokenActor, LAST_SEEN_GRANULARITY_MS, type SessionIdlePolicy } from './actor.queries.js';

/**
 * A read that is never older than the call asking for it, shared by every call that arrives while
 * one is running: a caller arriving during a read waits for the next one, which starts after that
 * read ends (so after the caller arrived). Under load one query answers many requests.
 */
export class FreshRead<T> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;
  /** The latest read that succeeded, with the moment it started (performance.now()). */
  private last: { value: T; startedAt: number } | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  /**
   * The latest read if it started at most `maxAgeMs` ago, else a fresh one (get). For periodic
   * safety nets only (the stream's re-check of its sockets): 3,000 sockets each re-checked every
   * 30 s would otherwise make 100 reads a second that no request waits for.
   */
  recent(maxAgeMs: number): Promise<T> {
    const last = this.last;
    return last && performance.now() - last.startedAt <= maxAgeMs ? Promise.resolve(last.value) : this.get();
  }

  get(): Promise<T> {
    if (!this.running) return this.start();
    this.next ??= this.running.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  private startNext(): Promise<T> {
    this.next = null;
    return this.start();
  }

  private start(): Promise<T> {
    const startedAt = performance.now();
    const p = this.read().then((value) => {
      if (!this.last || this.last.startedAt <= startedAt) this.last = { value, startedAt };
      return value;
    }).finally(() => {
      if (this.running === p) this.running = null;
    });
    this.running = p;
    return p;
  }
}

interface SessionEntry {
  epoch: number;
  actor: Actor;
  expiresAt: number;
  lastSeenAt: number;
  idleMinutes: number;
}

interface TokenEntry {
  epoch: number;
  actor: Actor;
  expiresAt: number;
  lastUsedAt: number;
}

/** Enough for every signed-in user of a large centre; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 20_000;

/** Read before every authenticated request (at most once per batch of them). */
const READ_EPOCH = hotStatement('firebreak_auth_epoch', 'select n from auth_epoch where id = 1');

function remember<E>(map: Map<string, E>, key: string, entry: E): void {
  map.delete(key);
  map.set(key, entry);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}

/**
 * The actors behind session and token secrets, kept per node so that a request does not re-read
 * the account, its grants and its mutual aid (3-4 statements) every time. Revocation stays
 * immediate on every node: each request reads the `auth_epoch` counter (one indexed row, read at
 * most once per batch of concurrent requests, never older than the request) and an entry built
 * under an older counter is rebuilt. The counter moves in the same transaction as any change an
 * actor depends on (database triggers, migration 0033), whichever node or tool made it.
 */
export class ActorCache {
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly tokens = new Map<string, TokenEntry>();
  private readonly epoch: FreshRead<number>;

  constructor(private readonly q: Queryable) {
    this.epoch = new FreshRead(async () => {
      const [row] = await hotRows<{ n: string | number }>(q, READ_EPOCH, []);
      // Without the row (a database restored without it) nothing is ever cached.
      return row ? Number(row.n) : -1;
    });
  }

  /** `epochAgeMs`: a counter read that long ago will do (see FreshRead.recent); requests leave it out. */
  async session(tokenHash: string, now: Date, idle: SessionIdlePolicy & { activity: boolean }, epochAgeMs?: number): Promise<Actor | null> {
    const epoch = await this.epochRead(epochAgeMs);
    const hit = this.sessions.get(tokenHash);
    if (hit && hit.epoch === epoch && epoch >= 0 && now.getTime() < hit.expiresAt) {
      const idleFor = now.getTime() - hit.lastSeenAt;
      // Another node may have seen this session more recently: only the database can end it.
      if (idleFor < hit.idleMinutes * 60_000) {
        if (!idle.activity || idleFor < LAST_SEEN_GRANULARITY_MS) return hit.actor;
      }
    }
    this.sessions.delete(tokenHash);
    const found = await sessionActor(this.q, tokenHash, now, idle);
    if (!found) return null;
    const { actor, expiresAt, lastSeenAt } = found;
    if (epoch >= 0) {
      remember(this.sessions, tokenHash, {
        epoch, actor, expiresAt: expiresAt.getTime(), lastSeenAt: lastSeenAt.getTime(),
        idleMinutes: idleMinutesFor(idle, actor.grants.map((g) => g.role)),
      });
    }
    return actor;
  }

  async token(tokenHash: string, now: Date, epochAgeMs?: number): Promise<Actor | null> {
    const epoch = await this.epochRead(epochAgeMs);
    const hit = this.tokens.get(tokenHash);
    // Past a minute since the last use was written, read again: that read writes it (tokenActor).
    if (hit && hit.epoch === epoch && epoch >= 0 && now.getTime() < hit.expiresAt && now.getTime() - hit.lastUsedAt < LAST_SEEN_GRANULARITY_MS) return hit.actor;
    this.tokens.delete(tokenHash);
    const found = await tokenActor(this.q, tokenHash, now);
    if (!found) return null;
    if (epoch >= 0) remember(this.tokens, tokenHash, { epoch, actor: found.actor, expiresAt: found.expiresAt.getTime(), lastUsedAt: found.lastUsedAt.getTime() });
    return found.actor;
  }

  private epochRead(maxAgeMs: number | undefined): Promise<number> {
    return maxAgeMs === undefined ? this.epoch.get() : this.epoch.recent(maxAgeMs);
  }
}
