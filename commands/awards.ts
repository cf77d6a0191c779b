// /awards artist:<name> [ceremony] [year] [result] — wins and nominations by ceremony edition.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { findAwards, type ResultFilter } from '../src/core/awards.js';
import { ceremonyChoices, resolveCeremony } from '../src/core/ceremonies.js';
import { artistChoices, resolveArtist } from '../src/core/resolve-artist.js';
import { StaleButton, UserError, type CommandContext, type SlashCommand } from './command.js';
import { artistOrUserError, editionDateText, editionLabel, escaped, nominationLine } from './presentation/fact-text.js';
import { optionalInteger, optionalString, pageArgument, requiredArtistOption, stringOption } from './presentation/options.js';
import { colors, renderPagedEmbed } from './presentation/paged-embed.js';

const resultChoices = ['won', 'nominated', 'all'] as const satisfies readonly ResultFilter[];

const definition = new SlashCommandBuilder()
  .setName('awards')
  .setDescription("An artist's wins and nominations, by ceremony and year")
  .addStringOption((option) => requiredArtistOption(option).setDescription('Group or soloist, e.g. Stray Kids, Rosé'))
  .addStringOption((option) =>
    option.setName('ceremony').setDescription('Only this ceremony, e.g. VMAs or EMAs').setAutocomplete(true).setMaxLength(100),
  )
  .addIntegerOption((option) => option.setName('year').setDescription('Only this year').setMinValue(1950).setMaxValue(2100))
  .addStringOption((option) =>
    option
      .setName('result')
      .setDescription('Wins, nominations without a win, or all (default)')
      .addChoices(...resultChoices.map((value) => ({ name: value, value }))),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

interface AwardsView {
  artistId: number;
  ceremonyId: number | null;
  year: number | null;
  result: ResultFilter;
}

function render(context: CommandContext, view: AwardsView, page: number) {
  const artist = context.store.artistById(view.artistId);
  if (!artist) return { embeds: [{ title: 'That artist is no longer in the store.', color: colors.notice }] };
  const ceremony = view.ceremonyId === null ? null : context.store.ceremonies().find((c) => c.id === view.ceremonyId);
  const awards = findAwards(context.store, artist, view);

  const filters = [
    ceremony ? ceremony.shortName : null,
    view.year !== null ? String(view.year) : null,
    view.result === 'won' ? 'wins only' : view.result === 'nominated' ? 'nominations without a win' : null,
  ].filter(Boolean);
  const counts = `${plural(awards.wins, 'win')} from ${plural(awards.nominations, 'nomination')}`;
  return renderPagedEmbed({
    title: `${artist.name}: awards`,
    description: filters.length > 0 ? `${counts} (${filters.join(', ')})` : counts,
    sections: awards.editions.map(({ edition, nominations }) => ({
      heading: `${editionLabel(edition)} · ${editionDateText(edition)}`,
      lines: nominations.map((n) => ({ text: nominationLine(n), sources: n.sources })),
    })),
    emptyText: `No ${view.result === 'won' ? 'wins' : 'awards'} of ${escaped(artist.name)} match that in the store.`,
    color: colors.awards,
    page,
    pageButtonId: (target) =>
      `awards:page:${view.artistId}:${view.ceremonyId ?? '-'}:${view.year ?? '-'}:${view.result}:${target}`,
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export const awardsCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const artist = artistOrUserError(resolveArtist(context.store, stringOption(invocation, 'artist')));
    const ceremonyName = optionalString(invocation, 'ceremony');
    let ceremonyId: number | null = null;
    if (ceremonyName !== undefined) {
      const resolution = resolveCeremony(context.store, ceremonyName);
      if (resolution.status !== 'found') {
        throw new UserError(
          `I don't know a ceremony called "${escaped(ceremonyName.slice(0, 80))}". Try ${resolution.known.map((c) => c.shortName).join(' or ')}.`,
        );
      }
      ceremonyId = resolution.ceremony.id;
    }
    const result = optionalString(invocation, 'result') ?? 'all';
    if (!(resultChoices as readonly string[]).includes(result)) {
      throw new UserError('`result` is one of: won, nominated, all.');
    }
    const view = { artistId: artist.id, ceremonyId, year: optionalInteger(invocation, 'year') ?? null, result: result as ResultFilter };
    return { payload: render(context, view, 0) };
  },
  autocomplete(focused, _invocation, context) {
    if (focused.name === 'ceremony') return ceremonyChoices(context.store, focused.value);
    return artistChoices(context.store, focused.value);
  },
  press(button, context) {
    const [action, artistId, ceremonyId, year, result, page] = button.args;
    if (action !== 'page') throw new StaleButton(`Unknown awards button action ${action}`);
    const view: AwardsView = {
      artistId: Number(artistId),
      ceremonyId: ceremonyId === '-' ? null : Number(ceremonyId),
      year: year === '-' ? null : Number(year),
      result: (resultChoices as readonly string[]).includes(result ?? '') ? (result as ResultFilter) : 'all',
    };
    return { kind: 'update', payload: render(context, view, pageArgument(page)) };
  },
};
