// `npm start`: goes live on Discord when DISCORD_TOKEN is set, otherwise opens the offline console.
import 'dotenv/config';
import { readConfig } from './config.js';
import { startConsole } from './console/start-console.js';
import { runEntryPoint } from './run-entry-point.js';

let live = false;
await runEntryPoint(async () => {
  const config = readConfig();
  if (!config.discordToken) {
    process.stderr.write(
      'No DISCORD_TOKEN set, so this is the offline console. To go live, put a bot token in .env (see README: "Put it on your server").\n',
    );
    return startConsole(process.argv.slice(2));
  }
  live = true;
  if (config.clusterProcesses > 1) {
    const { startClusterManager } = await import('./discord/cluster-manager.js');
    return startClusterManager(config);
  }
  const { runBot } = await import('./run-bot.js');
  return runBot(config);
});
// Exit explicitly once the bot has stopped: a gateway that has gone away leaves discord.js
// reconnecting, which would hold the process open (see src/hosting/process-lifecycle.ts).
if (live) process.exit();
