/**
 * The static checks of `npm test`: lint (ESLint) and the typecheck (`tsc -b`) at the same time,
 * each one's output printed whole when it ends; fails when either fails. Each is one thread, so
 * one after the other they kept one of the CI machine's two cores idle for their whole time.
 * Usage: `node --import tsx scripts/checks.ts` (the root `npm test` runs it before vitest).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const CHECKS = ['lint', 'typecheck'] as const;

interface Outcome {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  seconds: number;
}

function run(name: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    // npm's own banner and the tool's output, in the order they came, kept apart from the other check's.
    const child = spawn('npm', ['run', '--silent', name], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const done = (code: number | null, signal: NodeJS.Signals | null, extra = '') =>
      resolve({ name, code, signal, output: Buffer.concat(chunks).toString('utf8') + extra, seconds: (performance.now() - started) / 1000 });
    child.once('error', (err) => done(null, null, `could not start npm: ${err.message}\n`));
    child.once('close', (code, signal) => done(code, signal));
  });
}

const outcomes = await Promise.all(CHECKS.map((name) => run(name).then((o) => (report(o), o))));
if (outcomes.some((o) => o.code !== 0)) process.exitCode = 1;

function report(o: Outcome): void {
  const ok = o.code === 0;
  process.stdout.write(`== npm run ${o.name}: ${ok ? 'ok' : `failed (${o.code ?? o.signal ?? 'did not start'})`} in ${o.seconds.toFixed(1)} s\n`);
  if (o.output.trim()) process.stdout.write(o.output.endsWith('\n') ? o.output : `${o.output}\n`);
}
