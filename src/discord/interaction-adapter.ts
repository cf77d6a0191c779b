// Turns discord.js interactions into the platform-free invocations the command modules take, and
// their replies back into interaction responses. Work that takes longer than about a second is
// deferred first, so Discord's three-second deadline is always met.
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  MessageFlags,
  PermissionFlagsBits,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ModalSubmitInteraction,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type StringSelectMenuInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type APIEmbed,
  type Interaction,
} from 'discord.js';
import type {
  AttachmentRef,
  ButtonReply,
  CommandContext,
  CommandInvocation,
  CommandReply,
  MessagePayload,
  ModalForm,
  OptionValue,
} from '../../commands/command.js';
import { performance } from 'node:perf_hooks';
import { findCommand } from '../../commands/index.js';
import { messageBody } from '../presentation/message-payload.js';
import { payloadWithCommandMentions, type CommandIndex } from '../presentation/command-mentions.js';
import { withoutAttachedMedia } from '../presentation/card-layout.js';
import { withOutcomeOf, apologyText, outcomeOf, runAutocomplete, runButton, runForm, runSlashCommand } from '../command-router.js';
import { noMetrics, type BotMetrics, type InteractionKind, type InteractionOutcome } from '../hosting/metrics.js';

/** What an answer tells the metrics. */
interface Answered {
  outcome: InteractionOutcome;
}

/** How long a handler may run before the interaction is deferred. */
export const DEFER_AFTER_MS = 1000;

const STILL_WORKING = Symbol('still working');

function delay(ms: number): Promise<typeof STILL_WORKING> {
  return new Promise((resolve) => setTimeout(() => resolve(STILL_WORKING), ms).unref());
}

function userOf(interaction: Interaction) {
  return { id: interaction.user.id, name: interaction.user.displayName ?? interaction.user.username };
}

/** The member's role ids, from the interaction's member (a cached GuildMember or the raw payload). */
function memberRoleIdsOf(interaction: Interaction): string[] | undefined {
  const member = interaction.member;
  if (!member) return undefined;
  const roles = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return roles.filter((id) => id !== interaction.guildId);
}

function flattenOptions(options: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    if (option.options) Object.assign(values, flattenOptions(option.options));
    else if (option.value !== undefined && option.value !== null) values[option.name] = option.value;
  }
  return values;
}

function attachmentsOf(options: readonly CommandInteractionOption[]): Record<string, AttachmentRef> {
  const found: Record<string, AttachmentRef> = {};
  for (const option of options) {
    if (option.options) Object.assign(found, attachmentsOf(option.options));
    else if (option.attachment) found[option.name] = { name: option.attachment.name, url: option.attachment.url, size: option.attachment.size };
  }
  return found;
}

export function toInvocation(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandInvocation {
  return {
    attachments: attachmentsOf(interaction.options.data),
    commandName: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false),
    options: flattenOptions(interaction.options.data),
    user: userOf(interaction),
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    locale: interaction.locale,
    // In a server, an interaction without the member's permissions grants none.
    memberPermissions: interaction.guildId ? (interaction.memberPermissions?.bitfield ?? 0n) : null,
    ...withMemberRoles(interaction),
  };
}

function withMemberRoles(interaction: Interaction): { memberRoleIds?: string[] } {
  const memberRoleIds = memberRoleIdsOf(interaction);
  return memberRoleIds ? { memberRoleIds } : {};
}

/**
 * Whether the app may attach files where the interaction happened. Everything about the place comes
 * from the interaction itself (`app_permissions`), never from a cache: installed to a person's
 * account, the bot is not in that server or DM at all.
 */
function mayAttachFiles(interaction: Interaction): boolean {
  return interaction.appPermissions.has(PermissionFlagsBits.AttachFiles);
}

function withoutAttachedPictures(embed: APIEmbed): APIEmbed {
  const { image, thumbnail, ...rest } = embed;
  const attached = (media: { url: string } | undefined) => media?.url.startsWith('attachment://') ?? false;
  return { ...rest, ...(image && !attached(image) ? { image } : {}), ...(thumbnail && !attached(thumbnail) ? { thumbnail } : {}) };
}

/**
 * A payload as discord.js sends it: files become uploads, referenced from embeds or a media gallery as
 * attachment://; a V2 layout goes out as components with IS_COMPONENTS_V2 (on every send and edit, since
 * Discord refuses to take the flag off a message). Where the app may not attach files, the pictures stay
 * out; the text still says every fact.
 */
export function discordMessage(payload: MessagePayload, mayAttach = true) {
  // An answer to an interaction never pings: allowedRoleMentions is for channel posts (messageBody drops it).
  const body = messageBody(payload);
  const { files } = payload;
  if (!files) return body;
  if (!mayAttach) {
    return {
      ...body,
      ...(body.embeds ? { embeds: body.embeds.map(withoutAttachedPictures) } : {}),
      ...(body.components && payload.layout ? { components: withoutAttachedMedia(payload.layout) } : {}),
    };
  }
  return { ...body, files: files.map((file) => ({ attachment: file.data, name: file.name, description: file.description })) };
}

function withFlags(reply: CommandReply, mayAttach: boolean) {
  const message = discordMessage(reply.payload, mayAttach);
  return reply.ephemeral ? { ...message, flags: (message.flags ?? 0) | MessageFlags.Ephemeral } : message;
}

/** The registered commands as mentions need them: ids from the context, subcommands from the definitions. */
function commandIndex(context: CommandContext): CommandIndex {
  return {
    ids: context.commandIds ?? new Map(),
    subcommandsOf: (name) =>
      (findCommand(name)?.definition.options ?? []).filter((option) => option.type === ApplicationCommandOptionType.Subcommand).map((option) => option.name),
  };
}

/** A reply with the commands it names as clickable mentions, where Discord gave them ids. */
function withMentions<T extends CommandReply | ButtonReply>(reply: T, context: CommandContext): T {
  if (!('payload' in reply) || !context.commandIds?.size) return reply;
  return withOutcomeOf(reply, { ...reply, payload: payloadWithCommandMentions(reply.payload, commandIndex(context)) });
}

async function answerChatInput(interaction: ChatInputCommandInteraction, context: CommandContext, answered: Answered): Promise<void> {
  const pending = runSlashCommand(toInvocation(interaction), context, interaction.id).then((reply) => withMentions(reply, context));
  pending.then((reply) => (answered.outcome = outcomeOf(reply)), () => undefined);
  const attach = mayAttachFiles(interaction);
  if (findCommand(interaction.commandName)?.defersPrivately) {
    // Told at once, so that however long the work takes Discord's three seconds are met, and privately,
    // so that the answer can stay private.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply(discordMessage((await pending).payload, attach));
    return;
  }
  const early = await Promise.race([pending, delay(DEFER_AFTER_MS)]);
  if (early !== STILL_WORKING) {
    await interaction.reply(withFlags(early, attach));
    return;
  }
  await interaction.deferReply();
  const reply = await pending;
  if (reply.ephemeral) {
    // A deferred public reply cannot turn private: replace it with a private follow-up (one of the
    // five a person's install may send).
    await interaction.deleteReply();
    await interaction.followUp(withFlags(reply, attach));
  } else {
    await interaction.editReply(discordMessage(reply.payload, attach));
  }
}

function modalOf(form: ModalForm): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(form.customId)
    .setTitle(form.title.slice(0, 45))
    .addComponents(
      form.fields.map((field) =>
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder()
            .setCustomId(field.customId)
            .setLabel(field.label.slice(0, 45))
            .setStyle(field.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short)
            .setRequired(field.required)
            .setMaxLength(field.maxLength),
        ),
      ),
    );
}

/** Answers a button press or a form: edit the message, reply privately, or open a form. */
async function answerComponent(
  interaction: ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction,
  pending: Promise<ButtonReply>,
  answered: Answered,
): Promise<void> {
  pending.then((reply) => (answered.outcome = outcomeOf(reply)), () => undefined);
  // A command whose work may outlast Discord's three seconds (Apply re-checks and writes a whole file)
  // is deferred at once: a long write holds the event loop, and a timer would fire too late.
  const deferAtOnce = findCommand(interaction.customId.split(':')[0] ?? '')?.defersPrivately === true;
  const attach = mayAttachFiles(interaction);
  const early = deferAtOnce ? STILL_WORKING : await Promise.race([pending, delay(DEFER_AFTER_MS)]);
  if (early !== STILL_WORKING) {
    if (early.kind === 'modal') {
      if (interaction.isButton()) await interaction.showModal(modalOf(early.modal));
      return;
    }
    if (early.kind === 'update' && (interaction.isMessageComponent() || interaction.isFromMessage())) await interaction.update(discordMessage(early.payload, attach));
    else await interaction.reply(withFlags(early.kind === 'update' ? { ...early, ephemeral: true } : early, attach));
    return;
  }
  await interaction.deferUpdate();
  const reply = await pending;
  // A form cannot follow a deferral: Discord only opens one as the first answer.
  if (reply.kind === 'modal') return;
  if (reply.kind === 'update') await interaction.editReply(discordMessage(reply.payload, attach));
  else await interaction.followUp(withFlags(reply, attach));
}

async function answerButton(interaction: ButtonInteraction, context: CommandContext, answered: Answered): Promise<void> {
  const press = { user: userOf(interaction), guildId: interaction.guildId, channelId: interaction.channelId, locale: interaction.locale, ...withMemberRoles(interaction) };
  await answerComponent(interaction, runButton(interaction.customId, press, context, interaction.id).then((reply) => withMentions(reply, context)), answered);
}

async function answerSelect(interaction: StringSelectMenuInteraction, context: CommandContext, answered: Answered): Promise<void> {
  // Every value the menu offered comes from the message itself, so a menu keeps working after a restart.
  const offered = interaction.component.options.map((option) => option.value);
  const press = {
    user: userOf(interaction),
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    locale: interaction.locale,
    values: interaction.values,
    offered,
    ...withMemberRoles(interaction),
  };
  await answerComponent(interaction, runButton(interaction.customId, press, context, interaction.id), answered);
}

async function answerForm(interaction: ModalSubmitInteraction, context: CommandContext, answered: Answered): Promise<void> {
  const fields = Object.fromEntries(interaction.fields.fields.map((field) => [field.customId, 'value' in field ? String(field.value) : '']));
  const form = { user: userOf(interaction), guildId: interaction.guildId, channelId: interaction.channelId, locale: interaction.locale, fields };
  await answerComponent(interaction, runForm(interaction.customId, form, context, interaction.id).then((reply) => withMentions(reply, context)), answered);
}

async function answerAutocomplete(interaction: AutocompleteInteraction, context: CommandContext, answered: Answered): Promise<void> {
  // A malformed request may carry no focused option: it gets an empty answer, not silence.
  let focused: { name: string; value: string } | null = null;
  try {
    const option = interaction.options.getFocused(true);
    focused = { name: option.name, value: String(option.value) };
  } catch {
    focused = null;
  }
  const choices = runAutocomplete(
    focused,
    toInvocation(interaction),
    context,
    interaction.id,
  );
  answered.outcome = outcomeOf(choices);
  await interaction.respond(choices);
}

/**
 * The one error boundary for everything that reaches the bot from Discord. The router already
 * turns handler errors into replies; this catches what fails around them (a rejected response,
 * an expired token) and still tries to tell the user.
 */
function describe(interaction: Interaction): { kind: InteractionKind; command: string } | null {
  if (interaction.isChatInputCommand()) return { kind: 'command', command: interaction.commandName };
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', command: interaction.commandName };
  if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) return { kind: 'button', command: interaction.customId.split(':')[0] ?? '' };
  return null;
}

export async function handleInteraction(interaction: Interaction, context: CommandContext, metrics: BotMetrics = noMetrics): Promise<void> {
  const what = describe(interaction);
  if (!what) return;
  const started = performance.now();
  const answered: Answered = { outcome: 'ok' };
  try {
    if (interaction.isChatInputCommand()) await answerChatInput(interaction, context, answered);
    else if (interaction.isAutocomplete()) await answerAutocomplete(interaction, context, answered);
    else if (interaction.isButton()) await answerButton(interaction, context, answered);
    else if (interaction.isStringSelectMenu()) await answerSelect(interaction, context, answered);
    else if (interaction.isModalSubmit()) await answerForm(interaction, context, answered);
  } catch (error) {
    answered.outcome = 'error';
    context.logger.error({ err: error, interactionId: interaction.id }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    const apology = apologyText(context.translator.forReader(interaction.locale));
    try {
      if (interaction.deferred || interaction.replied) {
        await interaction.followUp({ content: apology, flags: MessageFlags.Ephemeral });
      } else {
        await interaction.reply({ content: apology, flags: MessageFlags.Ephemeral });
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
