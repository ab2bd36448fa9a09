// Child process of bench/directives/run.ts: the limit. A bare WebSocket server (ws, no auth, no
// database, no filtering) that, when told, sends one message of the given size to every client.
import { WebSocketServer, type WebSocket } from 'ws';

if (!process.send) throw new Error('bare-ws-server runs as a forked child');
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
const clients = new Set<WebSocket>();
server.on('connection', (socket) => {
  clients.add(socket);
  socket.on('close', () => clients.delete(socket));
});
server.on('listening', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
let cpuMark = process.cpuUsage();
process.on('message', (m: { send?: string; close?: boolean; cpu?: boolean }) => {
  if (m.send !== undefined) for (const c of clients) c.send(m.send);
  if (m.cpu) {
    // CPU time of this process (user + system) since the previous question.
    const used = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    process.send!({ cpuMs: (used.user + used.system) / 1000 });
  }
  if (m.close) server.close(() => process.exit(0));
});
