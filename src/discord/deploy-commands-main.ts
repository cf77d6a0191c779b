// `npm run deploy-commands [-- --global]`.
import 'dotenv/config';
import { readConfig } from '../config.js';
import { runEntryPoint } from '../run-entry-point.js';
import { deployCommands } from './deploy-commands.js';

await runEntryPoint(async () => {
  const flags = process.argv.slice(2);
  if (flags.some((flag) => flag !== '--global')) {
    process.stderr.write('Usage: npm run deploy-commands [-- --global]\n  --global  register for every server, clearing the copies on DISCORD_GUILD_ID\n');
    return 2;
  }
  const config = readConfig();
  const result = await deployCommands(config, { global: flags.includes('--global') });
  const where = result.scope === 'guild' ? `on server ${config.discordGuildId} (visible at once)` : 'globally (may take up to an hour to show)';
  process.stdout.write(`Registered ${result.count} commands ${where}.\n`);
  if (result.clearedGuildId) process.stdout.write(`Cleared the server-only copies on server ${result.clearedGuildId}, so they do not show twice.\n`);
  return 0;
});
