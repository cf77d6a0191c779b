// /suggest win|milestone|status — any fan proposes a fact with its source; curators review it
// before any other fan sees it.
import { SlashCommandBuilder } from '@discordjs/builders';
import { InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ceremonyChoices } from '../src/core/ceremonies.js';
import { artistChoices } from '../src/core/resolve-artist.js';
import { checkSuggestion, type SuggestionInput, type WinSuggestionInput } from '../src/core/suggestions.js';
import {
  duplicateText,
  problemsText,
  suggestionAcknowledgement,
  suggestionStatusMessage,
} from '../src/presentation/contribution-messages.js';
import { milestoneLine, nominationLine } from '../src/presentation/fact-text.js';
import { described, localizedChoice } from './command-descriptions.js';
import { installableInServers } from './command-installs.js';
import { requireServer } from './command-guards.js';
import { optionalString, readerTranslation, stringOption } from './command-options.js';
import { StaleButtonError, UserError, type CommandContext, type CommandInvocation, type CommandReply, type SlashCommand } from './command.js';

const artistKinds = ['group', 'soloist'] as const;
const ceremonyKinds = ['award_show', 'music_show'] as const;

const definition = installableInServers(described(new SlashCommandBuilder().setName('suggest'), 'commands.suggest.description'))
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    described(sub.setName('win'), 'commands.suggest.win.description')
      .addStringOption((o) => described(o.setName('artist'), 'commands.suggest.win.options.artist').setRequired(true).setAutocomplete(true).setMaxLength(100))
      .addStringOption((o) => described(o.setName('ceremony'), 'commands.suggest.win.options.ceremony').setRequired(true).setAutocomplete(true).setMaxLength(100))
      .addStringOption((o) => described(o.setName('date'), 'commands.suggest.win.options.date').setRequired(true).setMinLength(4).setMaxLength(10))
      .addStringOption((o) => described(o.setName('category'), 'commands.suggest.win.options.category').setRequired(true).setMaxLength(100))
      .addStringOption((o) => described(o.setName('source'), 'commands.suggest.win.options.source').setRequired(true).setMaxLength(500))
      .addStringOption((o) => described(o.setName('work'), 'commands.suggest.win.options.work').setMaxLength(200))
      .addStringOption((o) =>
        described(o.setName('result'), 'commands.suggest.win.options.result').addChoices(
          localizedChoice('won', 'commands.awards.choices.won'),
          localizedChoice('nominated', 'commands.awards.choices.nominated'),
        ),
      )
      .addStringOption((o) => described(o.setName('source_published'), 'commands.suggest.options.sourcePublished').setMinLength(10).setMaxLength(10))
      .addStringOption((o) =>
        described(o.setName('new_artist'), 'commands.suggest.options.newArtist').addChoices(
          ...artistKinds.map((kind) => localizedChoice(kind, `commands.suggest.choices.${kind}`)),
        ),
      )
      .addStringOption((o) =>
        described(o.setName('new_ceremony'), 'commands.suggest.win.options.newCeremony').addChoices(
          ...ceremonyKinds.map((kind) => localizedChoice(kind, `commands.suggest.choices.${kind}`)),
        ),
      ),
  )
  .addSubcommand((sub) =>
    described(sub.setName('milestone'), 'commands.suggest.milestone.description')
      .addStringOption((o) => described(o.setName('artist'), 'commands.suggest.milestone.options.artist').setRequired(true).setAutocomplete(true).setMaxLength(100))
      .addStringOption((o) => described(o.setName('statement'), 'commands.suggest.milestone.options.statement').setRequired(true).setMinLength(10).setMaxLength(300))
      .addStringOption((o) => described(o.setName('date'), 'commands.suggest.milestone.options.date').setRequired(true).setMinLength(4).setMaxLength(10))
      .addStringOption((o) => described(o.setName('source'), 'commands.suggest.milestone.options.source').setRequired(true).setMaxLength(500))
      .addStringOption((o) => described(o.setName('source_published'), 'commands.suggest.options.sourcePublished').setMinLength(10).setMaxLength(10))
      .addStringOption((o) =>
        described(o.setName('new_artist'), 'commands.suggest.options.newArtist').addChoices(
          ...artistKinds.map((kind) => localizedChoice(kind, `commands.suggest.choices.${kind}`)),
        ),
      ),
  )
  .addSubcommand((sub) => described(sub.setName('status'), 'commands.suggest.status.description'))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function privately(content: string): CommandReply {
  return { payload: { content }, ephemeral: true };
}

/**
 * One of an option's choices, or undefined when not given. Discord sends only the choices, so any
 * other value is a forged request: refused like a stale button rather than read as the default
 * (a forged `result:lost` used to be suggested as a win).
 */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new StaleButtonError(`option value ${JSON.stringify(value)}`);
  return value as T;
}

function inputOf(invocation: CommandInvocation, context: CommandContext): SuggestionInput {
  const translation = readerTranslation(invocation, context);
  const text = (name: string) => stringOption(invocation, name, translation);
  const published = optionalString(invocation, 'source_published');
  const source = { url: text('source'), ...(published ? { published } : {}) };
  const artistKind = oneOf(optionalString(invocation, 'new_artist'), artistKinds);
  if (invocation.subcommand === 'milestone') {
    return { kind: 'milestone', artist: text('artist'), statement: text('statement'), date: text('date'), source, ...(artistKind ? { artistKind } : {}) };
  }
  const work = optionalString(invocation, 'work');
  const result = oneOf(optionalString(invocation, 'result'), ['won', 'nominated'] as const);
  const ceremonyKind = oneOf(optionalString(invocation, 'new_ceremony'), ceremonyKinds);
  const win: WinSuggestionInput = {
    kind: 'win',
    artist: text('artist'),
    ceremony: text('ceremony'),
    date: text('date'),
    category: text('category'),
    source,
    ...(work ? { work } : {}),
    ...(result ? { result } : {}),
    ...(artistKind ? { artistKind } : {}),
    ...(ceremonyKind ? { ceremonyKind } : {}),
  };
  return win;
}

function suggest(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const { suggestions, lookups } = context.contributions;
  const now = context.clock.now();
  const check = checkSuggestion({ store: context.store, lookups, suggestions, now }, inputOf(invocation, context), invocation.user.id);
  if (!check.ok) {
    if (check.problems.some((p) => p.code === 'duplicate')) {
      const existing = check.existing;
      const shown = !existing ? null : 'result' in existing ? nominationLine(existing, translation) : milestoneLine(existing, translation);
      return privately(duplicateText(shown, check.waitingSuggestionId, translation));
    }
    throw new UserError(problemsText(check.problems, translation));
  }
  const submitted = suggestions.submit(
    check.suggestion,
    { userId: invocation.user.id, name: invocation.user.name, guildId: invocation.guildId },
    now,
  );
  switch (submitted.status) {
    case 'created':
      return privately(suggestionAcknowledgement(submitted.suggestion, translation));
    case 'too-many-waiting':
      throw new UserError(translation.t('contributions.problems.tooManyWaiting', { count: submitted.limit }));
    case 'duplicate-waiting':
      return privately(duplicateText(null, submitted.suggestionId, translation));
  }
}

export const suggestCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    // Suggestions come from servers; a DM (only a forged one can reach this) is refused plainly.
    requireServer(invocation, context, readerTranslation(invocation, context));
    if (invocation.subcommand === 'status') {
      const translation = readerTranslation(invocation, context);
      return { payload: suggestionStatusMessage(context.contributions.suggestions.suggestionsBy(invocation.user.id, 10), translation), ephemeral: true };
    }
    if (invocation.subcommand === 'win' || invocation.subcommand === 'milestone') return suggest(invocation, context);
    throw new UserError(readerTranslation(invocation, context).t('errors.useSubcommand', { subcommands: 'win, milestone, status' }));
  },
  autocomplete(focused, _invocation, context) {
    if (focused.name === 'ceremony') return ceremonyChoices(context.store, focused.value);
    return artistChoices(context.store, focused.value);
  },
};
