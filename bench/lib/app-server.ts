import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The real application (bench/lib/command-server.ts) in a child process on its own event loop. */
export interface AppServer {
  child: ChildProcess;
  base: string;
}

/**
 * Starts the server on a database with more configuration in `env` (variables as in the README);
 * `profileDir` writes a V8 CPU profile of the server there when it exits.
 */
export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}, profileDir?: string): Promise<AppServer> {
  const child = fork(path.join(HERE, 'command-server.ts'), [], {
    execArgv: ['--max-old-space-size=4096', '--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_SERVER_ENV: JSON.stringify(env) },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** CPU milliseconds the server process used since the previous call. */
export async function serverCpuMs(server: AppServer): Promise<number> {
  const reply = new Promise<number>((resolve) => server.child.once('message', (m) => resolve((m as { cpuMs: number }).cpuMs)));
  server.child.send('cpu');
  return reply;
}

export async function stopAppServer(server: AppServer): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.send('close');
  await exited;
}

/** Logs in over HTTP; returns the cookie header value. */
export async function loginCookie(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('firebreak_session='));
  if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}
