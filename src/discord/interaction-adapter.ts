// Turns discord.js interactions into the platform-free invocations the command modules take, and
// their replies back into interaction responses. Work that takes longer than about a second is
// deferred first, so Discord's three-second deadline is always met.
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
} from 'discord.js';
import { performance } from 'node:perf_hooks';
import { findCommand } from '../../commands/index.js';
import type { CommandContext, CommandInvocation, CommandReply, MessagePayload, OptionValue } from '../../commands/command.js';
import { APOLOGY, outcomeOf, runAutocomplete, runButton, runSlashCommand } from '../command-router.js';
import { noMetrics, type BotMetrics, type InteractionKind, type InteractionOutcome } from '../hosting/metrics.js';

/** How long a handler may run before the interaction is deferred. */
export const DEFER_AFTER_MS = 1000;

const STILL_WORKING = Symbol('still working');

function delay(ms: number): Promise<typeof STILL_WORKING> {
  return new Promise((resolve) => setTimeout(() => resolve(STILL_WORKING), ms).unref());
}

function userOf(interaction: Interaction) {
  return { id: interaction.user.id, name: interaction.user.displayName ?? interaction.user.username };
}

function flattenOptions(options: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    if (option.options) Object.assign(values, flattenOptions(option.options));
    else if (option.value !== undefined && option.value !== null) values[option.name] = option.value;
  }
  return values;
}

export function toInvocation(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandInvocation {
  return {
    commandName: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false),
    options: flattenOptions(interaction.options.data),
    user: userOf(interaction),
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    memberPermissions: interaction.memberPermissions?.bitfield ?? null,
  };
}

function withFlags(reply: CommandReply): MessagePayload & { flags?: MessageFlags.Ephemeral } {
  return reply.ephemeral ? { ...reply.payload, flags: MessageFlags.Ephemeral } : reply.payload;
}

/** What an answer function tells the metrics. */
interface Answered {
  outcome: InteractionOutcome;
}

async function answerChatInput(interaction: ChatInputCommandInteraction, context: CommandContext, answered: Answered): Promise<void> {
  const pending = runSlashCommand(toInvocation(interaction), context, interaction.id);
  pending.then((reply) => (answered.outcome = outcomeOf(reply)), () => undefined);
  const early = await Promise.race([pending, delay(DEFER_AFTER_MS)]);
  if (early !== STILL_WORKING) {
    await interaction.reply(withFlags(early));
    return;
  }
  await interaction.deferReply();
  const reply = await pending;
  if (reply.ephemeral) {
    // A deferred public reply cannot turn private: replace it with a private follow-up.
    await interaction.deleteReply();
    await interaction.followUp(withFlags(reply));
  } else {
    await interaction.editReply(reply.payload);
  }
}

async function answerButton(interaction: ButtonInteraction, context: CommandContext, answered: Answered): Promise<void> {
  const press = { user: userOf(interaction), guildId: interaction.guildId, channelId: interaction.channelId };
  const pending = runButton(interaction.customId, press, context, interaction.id);
  pending.then((reply) => (answered.outcome = outcomeOf(reply)), () => undefined);
  const early = await Promise.race([pending, delay(DEFER_AFTER_MS)]);
  if (early !== STILL_WORKING) {
    if (early.kind === 'update') await interaction.update(early.payload);
    else await interaction.reply(withFlags(early));
    return;
  }
  await interaction.deferUpdate();
  const reply = await pending;
  if (reply.kind === 'update') await interaction.editReply(reply.payload);
  else await interaction.followUp(withFlags(reply));
}

function focusedOption(interaction: AutocompleteInteraction): { name: string; value: string } | null {
  try {
    const focused = interaction.options.getFocused(true);
    return { name: focused.name, value: String(focused.value) };
  } catch {
    // discord.js throws when no option is marked focused.
    return null;
  }
}

async function answerAutocomplete(interaction: AutocompleteInteraction, context: CommandContext, answered: Answered): Promise<void> {
  const choices = runAutocomplete(focusedOption(interaction), toInvocation(interaction), context, interaction.id);
  answered.outcome = outcomeOf(choices);
  await interaction.respond(choices);
}

function describe(interaction: Interaction): { kind: InteractionKind; command: string } | null {
  if (interaction.isChatInputCommand()) return { kind: 'command', command: interaction.commandName };
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', command: interaction.commandName };
  if (interaction.isButton()) return { kind: 'button', command: interaction.customId.split(':')[0] ?? '' };
  return null;
}

/**
 * The one error boundary for everything that reaches the bot from Discord. The router already
 * turns handler errors into replies; this catches what fails around them (a rejected response,
 * an expired token) and still tries to tell the user.
 */
export async function handleInteraction(interaction: Interaction, context: CommandContext, metrics: BotMetrics = noMetrics): Promise<void> {
  const what = describe(interaction);
  if (!what) return;
  const started = performance.now();
  const answered: Answered = { outcome: 'ok' };
  try {
    if (interaction.isChatInputCommand()) await answerChatInput(interaction, context, answered);
    else if (interaction.isAutocomplete()) await answerAutocomplete(interaction, context, answered);
    else if (interaction.isButton()) await answerButton(interaction, context, answered);
  } catch (error) {
    answered.outcome = 'error';
    context.logger.error({ err: error, interactionId: interaction.id }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    try {
      if (interaction.deferred || interaction.replied) {
        await interaction.followUp({ content: APOLOGY, flags: MessageFlags.Ephemeral });
      } else {
        await interaction.reply({ content: APOLOGY, flags: MessageFlags.Ephemeral });
      }
    } catch (secondError) {
      context.logger.warn({ err: secondError, interactionId: interaction.id }, 'could not send the apology');
    }
  } finally {
    // Only the commands this bot has become label values, so a made-up name cannot grow the series.
    const known = findCommand(what.command) ? what.command : 'unknown';
    metrics.interactionHandled(what.kind, known, answered.outcome, (performance.now() - started) / 1000);
  }
}
