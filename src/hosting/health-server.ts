// The health and metrics server (HEALTH_PORT): GET /healthz says whether the bot is serving, for a
// supervisor or a container's HEALTHCHECK; GET /metrics is for Prometheus. Nothing else is served.
// One bot process serves it itself; in cluster mode the manager serves it for every process.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { ConfigError } from '../config.js';

/** In cluster mode, a process that is not serving: its cluster id, the shards it cannot serve, and why. */
export interface ProcessNotReady {
  cluster: number;
  shards: number[];
  reason: string;
}

export type Health = { healthy: true } | { healthy: false; reason: string; notReady?: ProcessNotReady[] };

export interface HealthServer {
  /** The port it listens on (the one asked for, or the one the system gave for port 0). */
  port: number;
  close(): Promise<void>;
}

/** What GET /healthz answers: `{status: 'ok'}`, or why not (and, in cluster mode, which processes). */
function healthBody(health: Health): Record<string, unknown> {
  if (health.healthy) return { status: 'ok' };
  return { status: 'unavailable', reason: health.reason, ...(health.notReady ? { notReady: health.notReady } : {}) };
}

/** The plain message for a HEALTH_PORT something else already listens on. */
export function portInUseError(host: string, port: number | undefined): ConfigError {
  return new ConfigError(`HEALTH_PORT ${port} on ${host} is already in use. Pick another port, or stop what listens there.`);
}

export async function startHealthServer(options: {
  host: string;
  port: number;
  /** Asked at each GET /healthz (a cluster manager asks its processes, hence a promise). */
  health: () => Health | Promise<Health>;
  /** Rendered at each GET /metrics: a registry, or anything that renders like one. */
  registry: Pick<Registry, 'contentType' | 'metrics'>;
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
      Promise.resolve()
        .then(() => options.health())
        .then(
          (health) => send(health.healthy ? 200 : 503, 'application/json', JSON.stringify(healthBody(health))),
          (error: unknown) => send(503, 'application/json', JSON.stringify({ status: 'unavailable', reason: `health check failed: ${(error as Error).message}` })),
        );
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
