// 5. Trivia: fifty clicks on one question in the same second, the time until each is
// acknowledged, over several rounds, through the real bot and the local server.
import { FakeDiscordServer } from '../test/discord-server/index.js';
import { startBotChild } from './bot-child.js';
import { BENCH_TOKEN } from './interactions.js';
import { distribution, type Distribution } from './measure.js';

export async function measureTriviaClicks(rounds: number, databasePath: string): Promise<{ clicks: number; acknowledged: Distribution }> {
  const server = new FakeDiscordServer({ guilds: [{ name: 'Quiz Server', channels: [{ name: 'quiz' }] }] });
  await server.start();
  const bot = await startBotChild('lightstick', {
    DISCORD_TOKEN: BENCH_TOKEN,
    DISCORD_API_URL: server.apiBaseUrl,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'warn',
    TRIVIA_TIME_SCALE: '0.05',
  });
  const starter = { id: '900000000000000001', username: 'host' };
  const latencies: number[] = [];
  try {
    const channelId = server.guilds[0]!.channels[0]!.id;
    for (let round = 0; round < rounds; round++) {
      const before = server.messages(channelId).filter((m) => (m.components?.length ?? 0) > 0).length;
      await server.sendInteraction(server.chatInputInteraction({ commandName: 'trivia', subcommand: 'start', options: { questions: 1, seconds: 60 }, user: starter })).callback(5000);
      let question;
      for (let guard = 0; guard < 500 && !question; guard++) {
        question = server.messages(channelId).filter((m) => (m.components?.length ?? 0) > 0)[before];
        if (!question) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (!question) throw new Error('no trivia question was posted');
      const buttons = (question.components![0] as { components: { custom_id: string }[] }).components;
      const clicks = Array.from({ length: 50 }, (_, i) => {
        const user = { id: String(910000000000000000n + BigInt(round * 100 + i)), username: `fan${i}` };
        const dispatchedAt = Date.now();
        const sent = server.sendInteraction(server.buttonInteraction({ customId: buttons[i % buttons.length]!.custom_id, message: question, user }));
        return server
          .waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${sent.id}/`), 5000)
          .then((request) => void latencies.push(request.at - dispatchedAt));
      });
      await Promise.all(clicks);
      await server.sendInteraction(server.chatInputInteraction({ commandName: 'trivia', subcommand: 'stop', user: starter })).callback(5000);
      await server.waitForRequest((r) => r.method === 'POST' && JSON.stringify(r.body).includes('Round stopped'), 10_000);
      server.clearRequests();
    }
    return { clicks: latencies.length, acknowledged: distribution(latencies) };
  } finally {
    await bot.stop();
    await server.stop();
  }
}
