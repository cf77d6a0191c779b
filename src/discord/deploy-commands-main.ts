// `npm run deploy-commands`.
import 'dotenv/config';
import { readConfig } from '../config.js';
import { runEntryPoint } from '../run-entry-point.js';
import { deployCommands } from './deploy-commands.js';

await runEntryPoint(async () => {
  const config = readConfig();
  const result = await deployCommands(config);
  const where = result.scope === 'guild' ? `on server ${config.discordGuildId} (visible at once)` : 'globally (may take up to an hour to show)';
  process.stdout.write(`Registered ${result.count} commands ${where}.\n`);
  return 0;
});
