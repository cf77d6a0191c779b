// 4. Resident memory of the running bot, idle and with 2,500 servers of 20 channels and 15 roles
// each joined through the gateway, beside a bare discord.js client in the same run.
import { FakeDiscordServer } from '../test/discord-server/index.js';
import { startBotChild } from './bot-child.js';
import { BENCH_TOKEN } from './interactions.js';

export interface MemoryResult {
  servers: number;
  bare: { idle: number; joined: number };
  lightstick: { idle: number; joined: number };
}

async function measureOne(kind: 'bare' | 'lightstick', servers: number, databasePath: string) {
  const server = new FakeDiscordServer({ guilds: [] });
  await server.start();
  const bot = await startBotChild(kind, {
    DISCORD_TOKEN: BENCH_TOKEN,
    DISCORD_API_URL: server.apiBaseUrl,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'warn',
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = await bot.ask<{ rss: number }>('memory');
    for (let i = 0; i < servers; i++) {
      server.addGuild({
        name: `Fan server ${i}`,
        channels: Array.from({ length: 20 }, (_, c) => ({ name: `channel-${c}` })),
        roles: Array.from({ length: 15 }, (_, r) => ({ name: `role-${r}` })),
      });
      if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    }
    for (let guard = 0; guard < 600; guard++) {
      const { count } = await bot.ask<{ count: number }>('guilds');
      if (count >= servers) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const joined = await bot.ask<{ rss: number }>('memory');
    return { idle: idle.rss, joined: joined.rss };
  } finally {
    await bot.stop();
    await server.stop();
  }
}

export async function measureMemory(servers: number, databasePath: string): Promise<MemoryResult> {
  return {
    servers,
    bare: await measureOne('bare', servers, databasePath),
    lightstick: await measureOne('lightstick', servers, databasePath),
  };
}
