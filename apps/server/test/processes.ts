import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { Socket, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { cliBundleIsCurrent } from './cli-bundle.js';
import { backend, type TestApp } from './harness.js';
import { TEST_AUDIT_KEY } from './template.js';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const MAIN = 'src/main.ts';
/** Variables of ours that must come from the test, never from the environment vitest runs in. */
const OWN_VARIABLES = /^(DATABASE_URL|DATABASE_OWNER_URL|NATS_URL|MQTT_URL|PORT|HOST|NODE_NAME|OUTBOX_POLL_MS|LOG_LEVEL|FIREBREAK_.*|MFA_.*|AUDIT_.*)$/;

export type Env = Record<string, string>;

function childEnv(env: Env): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OWN_VARIABLES.test(k)));
  // As in testConfig: no role needs MFA unless the test says so.
  // Every node of a test shares the test audit key, as the nodes of a deployment must.
  return { ...inherited, LOG_LEVEL: 'warn', MFA_REQUIRED_ROLES: '', AUDIT_SIGNING_KEY: TEST_AUDIT_KEY, ...env };
}

/**
 * How to start `firebreak`: from the run's bundle of src/main.ts (cli-bundle.ts; global-setup.ts
 * builds it and names it in FIREBREAK_TEST_CLI_BUNDLE) while it matches the sources, else through
 * tsx as `npm start` does (a benchmark outside vitest, or sources changed since the bundle).
 */
function mainCommand(): string[] {
  const bundle = process.env.FIREBREAK_TEST_CLI_BUNDLE;
  return bundle && cliBundleIsCurrent() ? ['--enable-source-maps', bundle] : ['--import', 'tsx', MAIN];
}

function spawnMain(args: string[], env: Env): ChildProcess {
  return spawn(process.execPath, [...mainCommand(), ...args], { cwd: SERVER_DIR, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function exitOf(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * Runs `firebreak <args>` to the end; kills it and fails after timeoutMs (a guard against a hung
 * child, not a time limit: a loaded 2-core machine takes a minute to start one on PGlite).
 */
export async function runCli(args: string[], env: Env, timeoutMs = 120_000): Promise<Exit & { stdout: string; stderr: string }> {
  const child = spawnMain(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exit = await exitOf(child).finally(() => clearTimeout(timer));
  if (exit.signal === 'SIGKILL') throw new Error(`firebreak ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`);
  return { ...exit, stdout, stderr };
}

/** A port nobody listens on right now (the OS picks it; the server is then started on it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A `firebreak serve` child process on 127.0.0.1. */
export class ServerProcess {
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    const keep = (d: Buffer): void => {
      this.output = (this.output + String(d)).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
  }

  /** Starts the server and resolves once it says it is up and /readyz answers 200; `port` to restart a node where it was. */
  static async start(env: Env, timeoutMs = 90_000, port?: number): Promise<ServerProcess> {
    port ??= await freePort();
    const server = new ServerProcess(spawnMain(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' }), `http://127.0.0.1:${port}`);
    try {
      await server.untilUp(timeoutMs);
      const ready = await fetch(`${server.url}/readyz`);
      if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}: ${await ready.text()}`);
      return server;
    } catch (err) {
      server.child.kill('SIGKILL');
      throw new Error(`server did not start: ${(err as Error).message}\n--- its output ---\n${server.output}`, { cause: err });
    }
  }

  private untilUp(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not up within ${timeoutMs} ms`)), timeoutMs);
      const onData = (d: Buffer): void => {
        if (!String(d).includes('Firebreak is up on')) return;
        clearTimeout(timer);
        resolve();
      };
      this.child.stdout!.on('data', onData);
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`exited early (code ${code}, signal ${signal})`));
      });
    });
  }

  /** Sends a signal and resolves with how the process ended; SIGKILLs it and fails after timeoutMs. */
  async stop(signal: NodeJS.Signals, timeoutMs = 30_000): Promise<Exit> {
    const exited = exitOf(this.child);
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const exit = await exited.finally(() => clearTimeout(timer));
    if (signal !== 'SIGKILL' && exit.signal === 'SIGKILL') throw new Error(`did not exit within ${timeoutMs} ms after ${signal}\n${this.output}`);
    return exit;
  }

  /** For afterAll: makes sure the process is gone, however the test ended. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) await this.stop('SIGKILL');
  }

  get log(): string {
    return this.output;
  }
}

/** Logs in over HTTP and returns the session cookie header. */
export async function httpLogin(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('firebreak_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Writes an embedded database dump (PGlite's `dumpDataDir`, an uncompressed tar) into
 * `<dataDir>/pgdata`, where a server or CLI with FIREBREAK_DATA_DIR=dataDir finds it. tar(1)
 * unpacks it, as PGlite's own `loadDataDir` unpacks it before it starts the database: opening
 * PGlite here only to close it again cost about 3.5 CPU-s (the engine's WASM and PostGIS), once
 * for every CLI child or server process a test starts on PGlite. The first process that opens
 * the folder starts from the dump as a clone would (a dump of a running database is one).
 */
export async function writePgliteDataDir(dataDir: string, dump: Blob): Promise<void> {
  const pgdata = path.join(dataDir, 'pgdata');
  mkdirSync(pgdata, { recursive: true });
  // Member names start with "/" (relative to the data folder); tar strips it and says so on stderr.
  const tar = spawn('tar', ['-x', '-f', '-', '-C', pgdata, '--no-same-owner'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  tar.stderr.on('data', (d) => (stderr += String(d)));
  const exit = exitOf(tar);
  // A tar that fails early closes its stdin: its exit code and stderr say why, not an EPIPE.
  tar.stdin.on('error', () => undefined);
  tar.stdin.end(Buffer.from(await dump.arrayBuffer()));
  const { code, signal } = await exit;
  if (code !== 0) throw new Error(`tar could not unpack the database dump into ${pgdata} (code ${code}, signal ${signal}): ${stderr}`);
}

/**
 * The environment under which a CLI child sees the test app's database as it is now: its URL on
 * PostgreSQL; on PGlite (in memory, one process) a copy written to a data folder.
 */
export async function cliEnvFor(t: TestApp, dataDir: string): Promise<Env> {
  if (backend === 'postgres') return t.db.env;
  const pglite = t.db.database.pglite!;
  await t.app.platform.db.execute(sql`checkpoint`);
  rmSync(path.join(dataDir, 'pgdata'), { recursive: true, force: true });
  await writePgliteDataDir(dataDir, await pglite.dumpDataDir('none'));
  return { FIREBREAK_DATA_DIR: dataDir };
}

/** Does something listen at the URL's host and port (e.g. NATS before a multi-node test)? */
export async function tcpReachable(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(u.port || defaultPort), u.hostname, () => done(true));
  });
}
