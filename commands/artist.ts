// /artist name:<name> — who an artist is: aliases, group or members, award counts, latest win.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { APIEmbed, APIEmbedField, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { describeArtist } from '../src/core/artist-profile.js';
import { artistChoices, resolveArtist } from '../src/core/resolve-artist.js';
import type { SlashCommand } from './command.js';
import { discordLimits, truncate } from './presentation/discord-limits.js';
import { artistOrUserError, editionDateText, editionLabel, escaped } from './presentation/fact-text.js';
import { requiredArtistOption, stringOption } from './presentation/options.js';
import { citeSource, colors } from './presentation/paged-embed.js';

const definition = new SlashCommandBuilder()
  .setName('artist')
  .setDescription('Who an artist is, their aliases, group or members, and awards in the store')
  .addStringOption((option) => requiredArtistOption(option, 'name').setDescription('Group or soloist, e.g. TXT, 정국, Rosé'))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Joins names into one field value, ending with "and N more" rather than cutting a name. */
function nameList(names: string[]): string {
  const shown: string[] = [];
  for (const [index, name] of names.entries()) {
    const rest = names.length - index - 1;
    const candidate = [...shown, name].join(', ');
    if (candidate.length + (rest > 0 ? ` and ${rest} more`.length : 0) > discordLimits.fieldValue) {
      return `${shown.join(', ')} and ${names.length - index} more`;
    }
    shown.push(name);
  }
  return shown.join(', ');
}

export const artistCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const artist = artistOrUserError(resolveArtist(context.store, stringOption(invocation, 'name')));
    const profile = describeArtist(context.store, artist);

    const kind = `${artist.isKpop ? 'K-pop ' : ''}${artist.kind === 'group' ? 'group' : 'soloist'}`;
    const memberOf = profile.groups.length > 0 ? `, member of ${profile.groups.map((g) => `**${escaped(g.name)}**`).join(' and ')}` : '';
    const fields: APIEmbedField[] = [];
    if (profile.aliases.length > 0) {
      fields.push({ name: 'Also known as', value: nameList(profile.aliases.map((a) => escaped(a.alias))) });
    }
    if (profile.members.length > 0) {
      fields.push({ name: 'Members in the store', value: nameList(profile.members.map((m) => escaped(m.name))) });
    }
    fields.push({
      name: 'Awards in the store',
      value: `${profile.wins} ${profile.wins === 1 ? 'win' : 'wins'} from ${profile.nominations} ${profile.nominations === 1 ? 'nomination' : 'nominations'}` +
        (profile.milestoneCount > 0 ? ` · ${profile.milestoneCount} ${profile.milestoneCount === 1 ? 'milestone' : 'milestones'} (see /firsts)` : ''),
    });
    const embed: APIEmbed = {
      title: truncate(artist.name, discordLimits.embedTitle),
      description: `${kind}${memberOf}`,
      color: colors.artist,
      fields,
    };
    if (profile.latestWin) {
      const win = profile.latestWin;
      fields.push({
        name: 'Latest win',
        value: truncate(
          `${escaped(win.categoryName)} at the ${editionLabel(win.edition)} (${editionDateText(win.edition)})` +
            (win.workTitle ? `, with "${escaped(win.workTitle)}"` : ''),
          discordLimits.fieldValue,
        ),
      });
      embed.footer = { text: truncate(`Latest win source: ${win.sources.map(citeSource).join(' · ')}`, discordLimits.footerText) };
    }
    return { payload: { embeds: [embed] } };
  },
  autocomplete(focused, _invocation, context) {
    return artistChoices(context.store, focused.value);
  },
};
