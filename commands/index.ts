// The one list of slash commands: the router, the deploy script and the console all read it.
import { aboutCommand } from './about.js';
import { anniversariesCommand } from './anniversaries.js';
import { artistCommand } from './artist.js';
import { awardsCommand } from './awards.js';
import { biasCommand } from './bias.js';
import { cardCommand } from './card.js';
import { ceremonyCommand } from './ceremony.js';
import { dailyCommand } from './daily.js';
import type { SlashCommand } from './command.js';
import { firstsCommand } from './firsts.js';
import { importCommand } from './import.js';
import { languageCommand } from './language.js';
import { reviewCommand } from './review.js';
import { suggestCommand } from './suggest.js';
import { onThisDayCommand } from './onthisday.js';
import { triviaCommand } from './trivia.js';

export const commands: readonly SlashCommand[] = [
  firstsCommand,
  awardsCommand,
  onThisDayCommand,
  artistCommand,
  cardCommand,
  ceremonyCommand,
  anniversariesCommand,
  biasCommand,
  triviaCommand,
  dailyCommand,
  languageCommand,
  suggestCommand,
  reviewCommand,
  importCommand,
  aboutCommand,
];

export function findCommand(name: string): SlashCommand | undefined {
  return commands.find((command) => command.definition.name === name);
}
