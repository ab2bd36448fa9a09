/**
 * The README's example, runnable: sign in, listen to the event stream, take an emergency report,
 * read it back, and see the stream announce it. Run against a server:
 *   node --import tsx packages/client/examples/quickstart.ts http://localhost:8080 <username> <password>
 * apps/server/src/platform/http/client.int.test.ts type-checks this file and runs it against a
 * running server.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { createFirebreakClient, parseStreamMessage, unwrap, type StreamEvent } from '../src/index.js';

export type QuickstartResult = Awaited<ReturnType<typeof quickstart>>;

export async function quickstart(baseUrl: string, username: string, password: string) {
  const firebreak = createFirebreakClient({ baseUrl });
  await firebreak.login(username, password);

  // Listen first, so the report's event cannot be missed; `hello` says the stream is open.
  const stream = new WebSocket(firebreak.streamUrl(), { headers: firebreak.credentials() });
  const events: StreamEvent[] = [];
  const waiters: (() => void)[] = [];
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.on('message', (data) => {
      const message = parseStreamMessage(String(data));
      if ('control' in message && message.control.kind === 'hello') resolve();
      if ('event' in message) {
        events.push(message.event);
        for (const wake of waiters.splice(0)) wake();
      }
    });
  });
  await opened;

  try {
    // A retried POST with the same Idempotency-Key opens the incident once.
    const created = await unwrap(firebreak.api.POST('/api/v1/incidents', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { type: 'fire', priority: 'P1', location: [9.5209, 47.141], address: 'Äulestrasse 20, Vaduz', narrative: 'Smoke from the roof of a two-storey house' },
    }));
    const readBack = await unwrap(firebreak.api.GET('/api/v1/incidents/{id}', { params: { path: { id: created.id } } }));

    const announced = await new Promise<StreamEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the stream did not announce the incident within 30 s')), 30_000);
      const check = (): void => {
        const event = events.find((e) => e.type === 'incidents.opened' && (e.data as { id?: string } | null)?.id === created.id);
        if (event) {
          clearTimeout(timer);
          resolve(event);
        } else waiters.push(check);
      };
      check();
    });
    return { created, readBack, announced };
  } finally {
    stream.close();
    await firebreak.logout();
  }
}

const [baseUrl, username, password] = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}` && baseUrl && username && password) {
  const { created, readBack, announced } = await quickstart(baseUrl, username, password);
  console.log(`opened ${created.id} (${readBack.type}, ${readBack.priority}) at ${readBack.receivedAt}; stream event ${announced.id}`);
}
