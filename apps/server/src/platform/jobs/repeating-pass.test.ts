import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { RepeatingPass } from './repeating-pass.js';

const silent = pino({ level: 'silent' });

/** A pass over a queue of items, one batch at a time, that yields between reading and taking. */
function queueJob(batch: number) {
  const queue: number[] = [];
  const handled: number[] = [];
  let inPass = 0;
  let overlaps = 0;
  const pass = async (): Promise<number> => {
    inPass++;
    if (inPass > 1) overlaps++;
    const taken = queue.slice(0, batch);
    await new Promise((r) => setTimeout(r, 5));
    queue.splice(0, taken.length);
    handled.push(...taken);
    inPass--;
    return taken.length;
  };
  return { queue, handled, pass, overlaps: () => overlaps };
}

describe('a repeating pass', () => {
  it('never runs two passes at once, and a drain called mid-pass covers what was queued before the call', async () => {
    const job = queueJob(2);
    const p = new RepeatingPass('test', job.pass, 2, 60_000, silent);
    job.queue.push(1, 2, 3);
    const first = p.drain();
    // Mid-pass: more work arrives, then callers drain (as a commit's kick and a test would).
    await new Promise((r) => setTimeout(r, 1));
    job.queue.push(4, 5);
    p.kick();
    const second = p.drain();
    await Promise.all([first, second]);
    expect(job.overlaps()).toBe(0);
    expect(job.handled).toEqual([1, 2, 3, 4, 5]);
    expect(job.queue).toEqual([]);
  });

  it('handles everything committed before stop', async () => {
    const job = queueJob(10);
    const p = new RepeatingPass('test', job.pass, 10, 60_000, silent);
    p.start();
    job.queue.push(...Array.from({ length: 25 }, (_, i) => i));
    p.kick();
    await p.stop();
    expect(job.handled).toHaveLength(25);
    expect(job.overlaps()).toBe(0);
  });

  it('runs what a kick is given after its drain, once everything queued before the kick is handled, and not when stopped', async () => {
    const job = queueJob(2);
    const p = new RepeatingPass('test', job.pass, 2, 60_000, silent);
    p.start();
    job.queue.push(1, 2, 3);
    const seen: number[][] = [];
    await new Promise<void>((resolve) => p.kick(() => {
      seen.push([...job.handled]);
      resolve();
    }));
    expect(seen).toEqual([[1, 2, 3]]);
    await p.stop();
    let after = false;
    p.kick(() => {
      after = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(after).toBe(false);
  });
});
