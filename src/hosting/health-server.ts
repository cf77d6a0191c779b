// The health and metrics server (HEALTH_PORT): GET /healthz says whether the bot is serving, for a
// supervisor or a container's HEALTHCHECK; GET /metrics is for Prometheus. Nothing else is served.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export type Health = { healthy: true } | { healthy: false; reason: string };

export interface HealthServer {
  /** The port it listens on (the one asked for, or the one the system gave for port 0). */
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(options: {
  host: string;
  port: number;
  health: () => Health;
  registry: Registry;
}): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const send = (status: number, contentType: string, body: string) => {
      response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(405, 'application/json', JSON.stringify({ error: 'only GET' }));
      return;
    }
    if (path === '/healthz') {
      const health = options.health();
      send(health.healthy ? 200 : 503, 'application/json', JSON.stringify(health.healthy ? { status: 'ok' } : { status: 'unavailable', reason: health.reason }));
      return;
    }
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => send(200, options.registry.contentType, text),
        (error: unknown) => send(500, 'text/plain', `metrics failed: ${(error as Error).message}`),
      );
      return;
    }
    send(404, 'application/json', JSON.stringify({ error: 'not found: /healthz and /metrics are served' }));
  });
  // A scrape in progress never holds up a stop.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
