// /firsts artist:<name> — an artist's historic firsts and milestones, oldest first.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { findFirsts } from '../src/core/firsts.js';
import { artistChoices, resolveArtist } from '../src/core/resolve-artist.js';
import { StaleButton, type CommandContext, type SlashCommand } from './command.js';
import { artistOrUserError, escaped, milestoneLine } from './presentation/fact-text.js';
import { colors, renderPagedEmbed } from './presentation/paged-embed.js';
import { pageArgument, requiredArtistOption, stringOption } from './presentation/options.js';

const definition = new SlashCommandBuilder()
  .setName('firsts')
  .setDescription("An artist's historic firsts, records and milestones, oldest first")
  .addStringOption((option) =>
    requiredArtistOption(option).setDescription('Group or soloist, e.g. BLACKPINK, Jungkook, SKZ'),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function render(context: CommandContext, artistId: number, page: number) {
  const artist = context.store.artistById(artistId);
  if (!artist) return { embeds: [{ title: 'That artist is no longer in the store.', color: colors.notice }] };
  const firsts = findFirsts(context.store, artist);
  const sections = [];
  if (firsts.milestones.length > 0) {
    sections.push({
      heading: `${artist.name}'s milestones`,
      lines: firsts.milestones.map((m) => ({
        text: milestoneLine(m, { withArtists: m.artists.length > 1 }),
        sources: m.sources,
      })),
    });
  }
  for (const { member, milestones } of firsts.memberMilestones) {
    sections.push({
      heading: `Solo: ${member.name}`,
      lines: milestones.map((m) => ({ text: milestoneLine(m), sources: m.sources })),
    });
  }
  return renderPagedEmbed({
    title: `${artist.name}: firsts and milestones`,
    description:
      firsts.memberMilestones.length > 0 && firsts.milestones.length > 0
        ? `The group's own milestones first, then its members' solo ones.`
        : undefined,
    sections,
    emptyText: `No firsts or milestones of ${escaped(artist.name)} are in the store yet. Try \`/awards artist:${artist.name}\`.`,
    color: colors.firsts,
    page,
    pageButtonId: (target) => `firsts:page:${artist.id}:${target}`,
  });
}

export const firstsCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const artist = artistOrUserError(resolveArtist(context.store, stringOption(invocation, 'artist')));
    return { payload: render(context, artist.id, 0) };
  },
  autocomplete(focused, _invocation, context) {
    return artistChoices(context.store, focused.value);
  },
  press(button, context) {
    const [action, artistId, page] = button.args;
    if (action !== 'page') throw new StaleButton(`Unknown firsts button action ${action}`);
    return { kind: 'update', payload: render(context, Number(artistId), pageArgument(page)) };
  },
};
