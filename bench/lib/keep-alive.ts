import http from 'node:http';

/**
 * GET over one kept-alive connection, as a browser tab's requests go: after the first request no
 * connection setup is timed, only the request itself. node:http rather than fetch (which pools
 * and adds its own per-request work) or undici (not a dependency): one socket, nothing else.
 */
export interface KeepAliveClient {
  get(path: string): Promise<{ status: number; body: string }>;
  close(): void;
}

export function keepAliveClient(base: string, cookie: string): KeepAliveClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get: (path) => new Promise((resolve, reject) => {
      const req = http.get(`${base}${path}`, { agent, headers: { cookie } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => { body += chunk; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      });
      req.on('error', reject);
    }),
    close: () => agent.destroy(),
  };
}
