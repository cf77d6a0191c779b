// /review next|find|reject|withdraw — curators (the application's owner or team, and CURATOR_USER_IDS)
// go through fans' suggestions oldest first, and withdraw a contributed fact that turns out wrong.
// Only an approval puts a fan's fact in front of other fans.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { artistChoices } from '../src/core/resolve-artist.js';
import type { ApprovalOutcome } from '../src/core/suggestion-records.js';
import { decideApproval } from '../src/core/suggestion-review.js';
import { contributedFactsMessage, factSummary, reviewCard, withdrawnFactApprovalText } from '../src/presentation/contribution-messages.js';
import { editionLabel, milestoneLine, nominationLine } from '../src/presentation/fact-text.js';
import type { Translation } from '../src/presentation/translation.js';
import { described, localizedChoice } from './command-descriptions.js';
import { installableInServers } from './command-installs.js';
import { artistFromOption, idArgument, optionalInteger, readerTranslation, requiredArtistOption, stringOption } from './command-options.js';
import {
  StaleButtonError,
  UserError,
  type ButtonReply,
  type CommandContext,
  type CommandReply,
  type Requester,
  type SlashCommand,
} from './command.js';

const REASON_MAX = 300;

const definition = installableInServers(described(new SlashCommandBuilder().setName('review'), 'commands.review.description'))
  .addSubcommand((sub) => described(sub.setName('next'), 'commands.review.next.description'))
  .addSubcommand((sub) =>
    described(sub.setName('reject'), 'commands.review.reject.description')
      .addIntegerOption((o) => described(o.setName('suggestion'), 'commands.review.reject.options.suggestion').setRequired(true).setMinValue(1))
      .addStringOption((o) => described(o.setName('reason'), 'commands.review.options.reason').setRequired(true).setMinLength(3).setMaxLength(REASON_MAX)),
  )
  .addSubcommand((sub) =>
    described(sub.setName('find'), 'commands.review.find.description').addStringOption((o) =>
      requiredArtistOption(o, 'commands.review.find.options.artist'),
    ),
  )
  .addSubcommand((sub) =>
    described(sub.setName('withdraw'), 'commands.review.withdraw.description')
      .addStringOption((o) =>
        described(o.setName('type'), 'commands.review.withdraw.options.type')
          .setRequired(true)
          .addChoices(localizedChoice('win', 'commands.review.choices.win'), localizedChoice('milestone', 'commands.review.choices.milestone')),
      )
      .addIntegerOption((o) => described(o.setName('id'), 'commands.review.withdraw.options.id').setRequired(true).setMinValue(1))
      .addStringOption((o) => described(o.setName('reason'), 'commands.review.options.reason').setRequired(true).setMinLength(3).setMaxLength(REASON_MAX)),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Anyone who is not a curator gets a clear refusal and nothing changes. */
function requireCurator(requester: Requester, context: CommandContext, translation: Translation): void {
  if (!context.capabilities.isCurator(requester.user.id)) throw new UserError(translation.t('contributions.notCurator'));
}

/** The oldest waiting suggestion, or after a Skip the one behind the skipped card; past the last, a note. */
function nextCard(context: CommandContext, translation: Translation, after?: number): CommandReply {
  const { suggestions } = context.contributions;
  const next = suggestions.oldestWaiting(after);
  if (!next) {
    const waiting = suggestions.waitingTotal();
    return { payload: { content: waiting > 0 ? translation.t('contributions.onlySkippedLeft', { count: waiting }) : translation.t('contributions.queueEmpty') }, ephemeral: true };
  }
  return { payload: reviewCard(next, suggestions.waitingTotal(), translation), ephemeral: true };
}

function reject(id: number, reason: string, requester: Requester, context: CommandContext, translation: Translation): string {
  const outcome = context.contributions.suggestions.reject(id, requester.user.id, reason.trim(), context.clock.now());
  switch (outcome.status) {
    case 'rejected':
      return translation.t('contributions.rejected', { id });
    case 'not-found':
      throw new UserError(translation.t('contributions.noSuchSuggestion', { id }));
    case 'already-reviewed':
      return translation.t('contributions.alreadyReviewed', { id });
  }
}

/**
 * A curator's approval: core decides against the store as it is now, then the store writes the fact
 * (and marks the suggestion approved) in one transaction. Nothing is awaited in between.
 */
export function approveSuggestion(
  from: Pick<CommandContext, 'store' | 'contributions'>,
  id: number,
  reviewerId: string,
  now: Date,
): ApprovalOutcome {
  const { suggestions, lookups } = from.contributions;
  // Decided, then written only if no fact changed in between (in this process nothing can: this
  // runs without awaiting; another process may). A moved store means deciding again.
  for (let attempt = 1; ; attempt++) {
    const revision = from.store.revision();
    const decision = decideApproval({ store: from.store, lookups, now }, suggestions.byId(id));
    if (decision.status !== 'approve') return decision;
    const outcome = suggestions.recordApproval(id, decision.checked, reviewerId, now, revision);
    if (outcome.status !== 'facts-moved') return outcome;
    if (attempt === MAX_APPROVAL_ATTEMPTS) throw new Error(`the facts kept changing while suggestion #${id} was approved`);
  }
}

/** How many times an approval is decided again when another process keeps changing the facts. */
const MAX_APPROVAL_ATTEMPTS = 5;

function approve(id: number, requester: Requester, context: CommandContext, translation: Translation): string {
  const { t } = translation;
  const outcome = approveSuggestion(context, id, requester.user.id, context.clock.now());
  switch (outcome.status) {
    case 'approved':
      return t('contributions.approved', {
        id,
        fact: factSummary(outcome.suggestion.fact, translation),
        type: outcome.factType === 'nomination' ? 'win' : 'milestone',
        factId: outcome.factId,
      });
    case 'not-found':
      throw new UserError(t('contributions.noSuchSuggestion', { id }));
    case 'already-reviewed':
      return t('contributions.alreadyReviewed', { id });
    case 'no-longer-valid': {
      const withdrawn = outcome.problems.find((p) => p.code === 'withdrawn-fact');
      if (withdrawn) return withdrawnFactApprovalText(id, withdrawn.stored ?? '', translation);
      return t('contributions.noLongerValid', { id });
    }
  }
}

/** The answer to a button: the note on what was done, then the next suggestion in the same card. */
function withNext(note: string, context: CommandContext, translation: Translation, after?: number): ButtonReply {
  const next = nextCard(context, translation, after);
  const content = [note, next.payload.content].filter(Boolean).join('\n');
  return { kind: 'update', ...next, payload: { ...next.payload, content } };
}

export const reviewCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const translation = readerTranslation(invocation, context);
    requireCurator(invocation, context, translation);
    switch (invocation.subcommand) {
      case 'next':
        return nextCard(context, translation);
      case 'find': {
        // Only contributed facts can be withdrawn; a seed fact is corrected in seeds/.
        const artist = artistFromOption(invocation, 'artist', context, translation);
        const facts = [
          ...context.store
            .nominationsOf(artist.id)
            .filter((n) => n.origin !== 'seed')
            .map((n) => ({
              type: 'win' as const,
              id: n.id,
              line: `${nominationLine(n, translation)} · ${editionLabel(n.edition, translation)}`,
              origin: n.origin as 'import' | 'suggestion',
            })),
          ...context.store
            .milestonesOf(artist.id)
            .filter((m) => m.origin !== 'seed')
            .map((m) => ({ type: 'milestone' as const, id: m.id, line: milestoneLine(m, translation), origin: m.origin as 'import' | 'suggestion' })),
        ];
        return { payload: contributedFactsMessage(artist.name, facts, translation), ephemeral: true };
      }
      case 'reject': {
        const id = optionalInteger(invocation, 'suggestion', translation) ?? 0;
        return { payload: { content: reject(id, stringOption(invocation, 'reason', translation), invocation, context, translation) }, ephemeral: true };
      }
      case 'withdraw': {
        const type = stringOption(invocation, 'type', translation) === 'milestone' ? 'milestone' : 'nomination';
        const id = optionalInteger(invocation, 'id', translation) ?? 0;
        const reason = stringOption(invocation, 'reason', translation).trim();
        const outcome = context.contributions.suggestions.withdraw({ type, id }, invocation.user.id, reason, context.clock.now());
        const key = {
          withdrawn: 'contributions.withdrawn',
          'not-found': 'contributions.withdrawNotFound',
          'seed-fact': 'contributions.withdrawSeedFact',
          'already-withdrawn': 'contributions.alreadyWithdrawn',
        } as const;
        if (outcome !== 'withdrawn') throw new UserError(translation.t(key[outcome], { id }));
        return { payload: { content: translation.t(key.withdrawn, { id }) }, ephemeral: true };
      }
      default:
        throw new UserError(translation.t('errors.useSubcommand', { subcommands: 'next, find, reject, withdraw' }));
    }
  },
  autocomplete(focused, _invocation, context) {
    return artistChoices(context.store, focused.value);
  },
  press(button, context) {
    const translation = readerTranslation(button, context);
    requireCurator(button, context, translation);
    const [action, idText, ...rest] = button.args;
    if (rest.length > 0) throw new StaleButtonError(`review:${button.args.join(':')}`);
    const id = idArgument(idText);
    switch (action) {
      case 'approve':
        return withNext(approve(id, button, context, translation), context, translation);
      case 'reject':
        if (!context.capabilities.forms) {
          return { kind: 'reply', payload: { content: translation.t('contributions.rejectInConsole', { id }) }, ephemeral: true };
        }
        return {
          kind: 'modal',
          modal: {
            customId: `review:reject:${id}`,
            title: translation.t('contributions.rejectTitle', { id }),
            fields: [{ customId: 'reason', label: translation.t('contributions.rejectReason'), style: 'paragraph', required: true, maxLength: REASON_MAX }],
          },
        };
      case 'skip':
        return withNext('', context, translation, id);
      default:
        throw new StaleButtonError(`review:${button.args.join(':')}`);
    }
  },
  submit(form, context) {
    const translation = readerTranslation(form, context);
    requireCurator(form, context, translation);
    const [action, idText, ...rest] = form.args;
    if (action !== 'reject' || rest.length > 0) throw new StaleButtonError(`review:${form.args.join(':')}`);
    const id = idArgument(idText);
    const reason = form.fields.reason?.trim() ?? '';
    if (reason.length < 3) throw new UserError(translation.t('contributions.reasonNeeded'));
    return withNext(reject(id, reason, form, context, translation), context, translation);
  },
};
