// CLUSTER_PROCESSES=N: the shards spread over N processes on this machine, with
// discord-hybrid-sharding's ClusterManager. discord.js's own ShardingManager runs one shard per
// process; this one gives each process a list of shards that discord.js runs internally, so a
// process holds as many servers as its memory allows rather than 2,500 at most.
//
// Before any process starts, the manager migrates and seeds the database once; every process then
// opens the same SQLite file (WAL, a busy timeout, short write transactions), and each one's ticker
// looks only at the servers of its own shards. A process that dies is started again.
//
// With HEALTH_PORT set, the manager serves /healthz and /metrics for the whole bot (one port cannot
// serve several processes): it asks every process over IPC at each request.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClusterManager } from 'discord-hybrid-sharding';
import { REST, Routes, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Config } from '../config.js';
import { decideClusterHealth } from '../hosting/cluster-health.js';
import { mergeClusterMetrics } from '../hosting/cluster-metrics.js';
import { portInUseError, startHealthServer, type Health, type HealthServer } from '../hosting/health-server.js';
import { createLogger } from '../logger.js';
import { openStore } from '../open-store.js';
import { askEveryProcess, plannedProcesses } from './cluster-reports.js';
import { DEFAULT_DISCORD_API_URL } from './create-client.js';

/** Discord lets a bot identify one shard per 5 seconds in each of its max_concurrency buckets. */
const IDENTIFY_INTERVAL_MS = 5_500;
const RESTARTS_PER_HOUR = 10;
/**
 * How long the manager waits for a process's health or metrics. A process answers in milliseconds
 * when well; this bounds what a hung one adds to a request, inside Docker's and Prometheus's usual
 * timeouts (5 and 10 s).
 */
const REPORT_TIMEOUT_MS = 2_000;

export interface ClusterPlan {
  totalShards: number;
  processes: number;
  /** Wait after each shard a process starts before the next process starts. */
  spawnDelayMs: number;
}

/** How many shards and processes, from the settings and Discord's GET /gateway/bot answer. */
export function planClusters(
  config: Pick<Config, 'shardCount' | 'clusterProcesses'>,
  gateway: Pick<RESTGetAPIGatewayBotResult, 'shards' | 'session_start_limit'>,
): ClusterPlan {
  const totalShards = config.shardCount ?? Math.max(1, gateway.shards);
  const maxConcurrency = Math.max(1, gateway.session_start_limit.max_concurrency);
  return {
    totalShards,
    processes: Math.min(config.clusterProcesses, totalShards),
    spawnDelayMs: Math.ceil(IDENTIFY_INTERVAL_MS / maxConcurrency),
  };
}

/** Runs the cluster until SIGINT or SIGTERM, then stops every process cleanly and returns 0. */
export async function startClusterManager(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<number> {
  const token = config.discordToken;
  if (!token) throw new Error('startClusterManager needs a DISCORD_TOKEN');
  // Once, before any process opens the file.
  const opened = openStore(config.databasePath);
  logger.info({ seeded: opened.seeded }, 'database migrated and seeded for the cluster');
  opened.close();

  const rest = new REST({ api: config.discordApiUrl ?? DEFAULT_DISCORD_API_URL }).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const plan = planClusters(config, gateway);
  const processFile = fileURLToPath(new URL(`./cluster-process${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
  const manager = new ClusterManager(processFile, {
    token,
    totalShards: plan.totalShards,
    totalClusters: plan.processes,
    mode: 'process',
    // The same loader as this process (tsx), so the process file runs as it is.
    execArgv: process.execArgv,
    respawn: true,
    restarts: { max: RESTARTS_PER_HOUR, interval: 60 * 60_000 },
    spawnOptions: { delay: plan.spawnDelayMs, timeout: -1 },
  });
  manager.on('clusterCreate', (cluster) => {
    logger.info({ cluster: cluster.id, shards: cluster.shardList }, 'cluster process starting');
    cluster.on('spawn', (thread) => logger.info({ cluster: cluster.id, pid: thread && 'pid' in thread ? thread.pid : undefined }, 'cluster process started'));
    cluster.on('death', () => logger.warn({ cluster: cluster.id }, 'cluster process exited'));
  });
  manager.on('debug', (message: string) => logger.debug({ source: 'cluster-manager' }, message));

  let stopping = false;
  let health: HealthServer | null = null;
  if (config.healthPort !== undefined) {
    try {
      health = await serveClusterHealth(manager, { host: config.healthHost, port: config.healthPort, stopping: () => stopping });
    } catch (error) {
      if ((error as { code?: string }).code === 'EADDRINUSE') throw portInUseError(config.healthHost, config.healthPort);
      throw error;
    }
    logger.info({ host: config.healthHost, port: health.port }, 'health and metrics server listening');
  }

  const stopped = new Promise<number>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'stopping the cluster');
      stopping = true;
      manager.respawn = false;
      const exits = [...manager.clusters.values()].map((cluster) => {
        const child = cluster.thread?.process;
        if (!child || !('pid' in child) || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        return new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      });
      void Promise.all(exits)
        .then(async () => {
          // The manager's restart counters run on timers that would keep this process alive.
          for (const cluster of manager.clusters.values()) cluster.restarts.cleanup();
          await health?.close();
          logger.info('cluster stopped');
        })
        .then(
          () => resolve(0),
          (error: unknown) => {
            logger.error({ err: error }, 'unclean shutdown');
            resolve(1);
          },
        );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  logger.info(plan, 'starting the cluster');
  await manager.spawn({ amount: plan.totalShards, delay: plan.spawnDelayMs, timeout: -1 });
  return stopped;
}

/**
 * /healthz: 200 only when every planned process answers that it is healthy (its database open and
 * every shard ready), else 503 naming each process that is not and why. /metrics: every process's
 * metrics and the manager's own (see cluster-metrics.ts).
 */
async function serveClusterHealth(
  manager: ClusterManager,
  options: { host: string; port: number; stopping: () => boolean },
): Promise<HealthServer> {
  const own = new Registry();
  collectDefaultMetrics({ register: own, prefix: 'lightstick_' });
  return startHealthServer({
    host: options.host,
    port: options.port,
    async health(): Promise<Health> {
      if (options.stopping()) return { healthy: false, reason: 'stopping' };
      return decideClusterHealth(plannedProcesses(manager), await askEveryProcess(manager, 'health', REPORT_TIMEOUT_MS));
    },
    registry: {
      contentType: own.contentType,
      async metrics() {
        const processes = await askEveryProcess(manager, 'metrics', REPORT_TIMEOUT_MS);
        return (await mergeClusterMetrics(processes, await own.getMetricsAsJSON())).metrics();
      },
    },
  });
}
