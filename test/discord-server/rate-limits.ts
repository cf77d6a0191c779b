/**
 * Discord's rate limits, for the fake server when asked: a global limit of N requests a second per
 * bot (interaction callbacks and interaction webhooks are exempt, as on Discord) and a per-channel
 * limit on creating messages. Over a limit, a real 429: `retry_after` in seconds, the `global`
 * flag, and the Retry-After and X-RateLimit-* headers that @discordjs/rest reads.
 */
import type { RestReply } from './rest-routes.js';

export interface RateLimitOptions {
  /** Requests a second per bot; Discord's is 50. */
  globalPerSecond: number;
  /** Messages created per channel in `channelWindowMs`; Discord's is 5 per 5 seconds. */
  channelMessages?: number;
  channelWindowMs?: number;
}

interface Window {
  startedAt: number;
  count: number;
}

const EXEMPT = /^\/(interactions\/|webhooks\/)/;
const CREATE_MESSAGE = /^\/channels\/(\d+)\/messages$/;

export class RateLimiter {
  private global: Window = { startedAt: 0, count: 0 };
  private readonly channels = new Map<string, Window>();
  /** How many requests were answered 429, global or per route. */
  rejected = { global: 0, route: 0 };

  constructor(private readonly options: RateLimitOptions) {}

  /** A 429 reply when the request is over a limit; otherwise the headers to add to its answer. */
  check(method: string, path: string, now = Date.now()): { reply: RestReply } | { headers: Record<string, string> } {
    if (EXEMPT.test(path)) return { headers: {} };
    if (now - this.global.startedAt >= 1000) this.global = { startedAt: now, count: 0 };
    if (this.global.count >= this.options.globalPerSecond) {
      this.rejected.global += 1;
      const retryAfter = (this.global.startedAt + 1000 - now) / 1000;
      return {
        reply: {
          status: 429,
          body: { message: 'You are being rate limited.', retry_after: retryAfter, global: true },
          headers: { 'retry-after': retryAfter.toFixed(3), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
        },
      };
    }
    const channelId = method === 'POST' ? CREATE_MESSAGE.exec(path)?.[1] : undefined;
    if (channelId === undefined) {
      this.global.count += 1;
      return { headers: {} };
    }
    const limit = this.options.channelMessages ?? 5;
    const windowMs = this.options.channelWindowMs ?? 5000;
    let channel = this.channels.get(channelId);
    if (!channel || now - channel.startedAt >= windowMs) {
      channel = { startedAt: now, count: 0 };
      this.channels.set(channelId, channel);
    }
    const resetAfter = (channel.startedAt + windowMs - now) / 1000;
    const bucketHeaders = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-reset': ((channel.startedAt + windowMs) / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': 'channel-messages',
    };
    if (channel.count >= limit) {
      this.rejected.route += 1;
      return {
        reply: {
          status: 429,
          body: { message: 'You are being rate limited.', retry_after: resetAfter, global: false },
          headers: { ...bucketHeaders, 'x-ratelimit-remaining': '0', 'retry-after': resetAfter.toFixed(3), 'x-ratelimit-scope': 'user' },
        },
      };
    }
    this.global.count += 1;
    channel.count += 1;
    return { headers: { ...bucketHeaders, 'x-ratelimit-remaining': String(limit - channel.count) } };
  }
}
