// /anniversaries setup|follow|unfollow|status|preview|off — a server's daily anniversary posts.
import { SlashCommandBuilder } from '@discordjs/builders';
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { enableAnniversaryPosts } from '../src/anniversaries/enable-posts.js';
import { anniversariesForServer, localDateOfMonthDay, nextPostWithAnniversaries, type AnniversarySchedule } from '../src/core/anniversary-schedule.js';
import { calendarDateIn, parseMonthDay } from '../src/core/calendar.js';
import { artistChoices, type Choice } from '../src/core/resolve-artist.js';
import { formatTimeOfDay, isValidTimeZone, knownTimeZones, parseTimeOfDay } from '../src/core/zoned-time.js';
import { renderAnniversaryPost } from '../src/presentation/anniversary-post.js';
import { withNoteAbove } from '../src/presentation/card-layout.js';
import {
  channelRefusal,
  followConfirmation,
  noPreviewText,
  setupConfirmation,
  statusMessage,
} from '../src/presentation/anniversary-settings-messages.js';
import { echoed } from '../src/presentation/refusals.js';
import { COUNTDOWN_ROOM, remindersLine, withCountdownStatus, withCountdowns } from '../src/presentation/countdown-messages.js';
import { countdownsOfPost, events, eventsSubcommand, readReminderDays, REMIND_MAX_LENGTH } from './anniversary-countdowns.js';
import { supportedLocales, type Translation } from '../src/presentation/translation.js';
import { described, localizedChoice } from './command-descriptions.js';
import { requireManageServer } from './command-guards.js';
import { installableInServers } from './command-installs.js';
import {
  artistFromOption,
  optionalString,
  readerTranslation,
  requiredArtistOption,
  requiredGuildId,
  stringOption,
} from './command-options.js';
import { biasStatusFieldFor, pingChoices, setAnniversaryPings } from './bias.js';
import { UserError, type CommandContext, type CommandInvocation, type CommandReply, type SlashCommand } from './command.js';

const DEFAULT_TIME = '09:00';
const DEFAULT_TIME_ZONE = 'UTC';

/** The language choices every command that sets one offers: each language named in its own words. */
export function languageChoices() {
  return supportedLocales.map((locale) => localizedChoice(locale, `languages.${locale}`));
}

const definition = installableInServers(described(new SlashCommandBuilder().setName('anniversaries'), 'commands.anniversaries.description'))
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    described(sub.setName('setup'), 'commands.anniversaries.setup.description')
      .addChannelOption((option) =>
        described(option.setName('channel'), 'commands.anniversaries.setup.options.channel')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((option) =>
        described(option.setName('time'), 'commands.anniversaries.setup.options.time').setMinLength(4).setMaxLength(5),
      )
      .addStringOption((option) =>
        described(option.setName('timezone'), 'commands.anniversaries.setup.options.timezone').setAutocomplete(true).setMaxLength(64),
      )
      .addStringOption((option) =>
        described(option.setName('language'), 'commands.anniversaries.setup.options.language').addChoices(...languageChoices()),
      )
      .addStringOption((option) => described(option.setName('remind'), 'countdowns.commands.remind').setMaxLength(REMIND_MAX_LENGTH)),
  )
  .addSubcommand((sub) =>
    described(sub.setName('follow'), 'commands.anniversaries.follow.description').addStringOption((option) =>
      requiredArtistOption(option, 'commands.anniversaries.follow.options.artist'),
    ),
  )
  .addSubcommand((sub) =>
    described(sub.setName('unfollow'), 'commands.anniversaries.unfollow.description').addStringOption((option) =>
      requiredArtistOption(option, 'commands.anniversaries.unfollow.options.artist'),
    ),
  )
  .addSubcommand((sub) => described(sub.setName('status'), 'commands.anniversaries.status.description'))
  .addSubcommand((sub) =>
    described(sub.setName('preview'), 'commands.anniversaries.preview.description').addStringOption((option) =>
      described(option.setName('date'), 'commands.anniversaries.preview.options.date').setMinLength(3).setMaxLength(5),
    ),
  )
  .addSubcommand((sub) => described(sub.setName('off'), 'commands.anniversaries.off.description'))
  .addSubcommand((sub) => eventsSubcommand(sub))
  .addSubcommand((sub) =>
    described(sub.setName('pings'), 'bias.commands.pings.description').addStringOption((option) =>
      described(option.setName('state'), 'bias.commands.pings.options.state').setRequired(true).addChoices(...pingChoices()),
    ),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function requireGuild(invocation: CommandInvocation, translation: Translation): string {
  return requiredGuildId(invocation, 'anniversaries', translation);
}

function privately(content: string): CommandReply {
  return { payload: { content }, ephemeral: true };
}

function scheduleFor(context: CommandContext, guildId: string): AnniversarySchedule | null {
  const settings = context.anniversaries.settings(guildId);
  if (!settings?.enabled) return null;
  return { postTime: settings.postTime, timeZone: settings.timeZone, activeFrom: settings.activeFrom, lastPostDate: settings.lastPostDate };
}

/** The next day, within a year, on which this server would get a post. */
function nextPost(context: CommandContext, guildId: string, schedule: AnniversarySchedule) {
  const followed = context.anniversaries.followedArtistIds(guildId);
  // A day whose post carries only countdowns has a post too.
  return nextPostWithAnniversaries(
    schedule,
    context.clock.now(),
    (localDate) => anniversariesForServer(context.store, localDate, followed).length || countdownsOfPost(guildId, context, localDate, followed).length,
  );
}

function followedNames(context: CommandContext, guildId: string): string[] {
  return context.anniversaries
    .followedArtistIds(guildId)
    .map((id) => context.store.artistById(id)?.name)
    .filter((name): name is string => name !== undefined);
}

/** The `time` and `timezone` options of a daily schedule (default 09:00 UTC), or a UserError. */
export function postingTimeOptions(invocation: CommandInvocation, translation: Translation): { postTime: string; timeZone: string } {
  const { t } = translation;
  const timeText = optionalString(invocation, 'time') ?? DEFAULT_TIME;
  const time = parseTimeOfDay(timeText);
  if (!time) throw new UserError(t('errors.notTimeOfDay', { typed: echoed(timeText, 10) }));
  const timeZone = optionalString(invocation, 'timezone')?.trim() ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new UserError(t('errors.unknownTimeZone', { typed: echoed(timeZone, 64) }));
  return { postTime: formatTimeOfDay(time), timeZone };
}

function setup(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const { t } = translation;
  const guildId = requireGuild(invocation, translation);
  const channelId = stringOption(invocation, 'channel', translation);
  const { postTime, timeZone } = postingTimeOptions(invocation, translation);
  const language = optionalString(invocation, 'language');
  if (language !== undefined && !(supportedLocales as readonly string[]).includes(language)) {
    throw new UserError(t('errors.unknownLanguage', { typed: echoed(language, 20) }));
  }
  const reminderDays = readReminderDays(invocation, translation);
  if (!context.capabilities.guilds) throw new UserError(t('errors.needsDiscord'));
  const refusal = channelRefusal(context.capabilities.guilds.checkPostingChannel(guildId, channelId), channelId, translation);
  if (refusal) throw new UserError(refusal);
  const now = context.clock.now();
  if (language !== undefined) context.serverSettings.setLanguage(guildId, language, now.getTime());
  const schedule = enableAnniversaryPosts(context.anniversaries, { guildId, channelId, postTime, timeZone }, now);
  if (reminderDays) context.countdowns.setReminderDays(guildId, reminderDays, now.getTime());
  const postLanguage = context.translator.forServer(guildId).locale;
  const confirmation = setupConfirmation({ channelId, postTime, timeZone, language: postLanguage }, followedNames(context, guildId), nextPost(context, guildId, schedule), translation);
  return privately(`${confirmation}\n${remindersLine(context.countdowns.reminderDays(guildId), translation)}`);
}

function follow(invocation: CommandInvocation, context: CommandContext, following: boolean): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = requireGuild(invocation, translation);
  const artist = artistFromOption(invocation, 'artist', context, translation);
  const changed = following
    ? context.anniversaries.follow(guildId, artist.id)
    : context.anniversaries.unfollow(guildId, artist.id);
  const members = following && artist.kind === 'group' ? context.store.membersOf(artist.id).map((m) => m.name) : [];
  return privately(followConfirmation({ following, changed, artist: artist.name, members }, followedNames(context, guildId), translation));
}

function status(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = requireGuild(invocation, translation);
  const settings = context.anniversaries.settings(guildId);
  if (!settings) return privately(translation.t('anniversaries.notSetUp'));
  const schedule = scheduleFor(context, guildId);
  const next = schedule ? nextPost(context, guildId, schedule) : undefined;
  const language = context.translator.forServer(guildId).locale;
  const payload = statusMessage(guildId, settings, language, followedNames(context, guildId), next, context.anniversaries.lastPost(guildId), translation);
  const bias = biasStatusFieldFor(context, guildId, translation);
  const embed = payload.embeds?.[0];
  if (bias && embed) embed.fields = [...(embed.fields ?? []), bias];
  return { payload: withCountdownStatus(payload, context.countdowns.settings(guildId), translation), ephemeral: true };
}

function preview(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const settings = invocation.guildId ? context.anniversaries.settings(invocation.guildId) : undefined;
  const timeZone = settings?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = calendarDateIn(context.clock.now(), timeZone);
  const typed = optionalString(invocation, 'date');
  let localDate = today;
  if (typed !== undefined) {
    const monthDay = parseMonthDay(typed);
    if (!monthDay) throw new UserError(translation.t('errors.notMonthDay', { typed: echoed(typed, 20) }));
    localDate = localDateOfMonthDay(monthDay, Number(today.slice(0, 4)));
  }
  const followed = invocation.guildId ? context.anniversaries.followedArtistIds(invocation.guildId) : [];
  const entries = anniversariesForServer(context.store, localDate, followed);
  const countdowns = countdownsOfPost(invocation.guildId, context, localDate, followed);
  if (entries.length === 0 && countdowns.length === 0) return privately(noPreviewText(localDate, followed.length > 0, translation));
  // The preview is the post the channel would get, in its language and with its card, its container
  // untouched; the note above it is the only thing added.
  const cards = context.capabilities.cards;
  const serverTranslation = context.translator.forServer(invocation.guildId, invocation.locale);
  const reserve = countdowns.length > 0 ? COUNTDOWN_ROOM : 0;
  const post = withCountdowns(entries.length > 0 ? renderAnniversaryPost(entries, localDate, serverTranslation, cards ? { cards, reserve } : { reserve }) : null, countdowns, serverTranslation)!;
  return { payload: withNoteAbove(post, translation.t('anniversaries.previewNote')), ephemeral: true };
}

function off(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = requireGuild(invocation, translation);
  const changed = context.anniversaries.disable(guildId, context.clock.now().getTime());
  return privately(changed ? translation.t('anniversaries.turnedOff') : translation.t('anniversaries.alreadyOff'));
}

export function timeZoneChoices(typed: string): Choice[] {
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = knownTimeZones();
  const matches = wanted ? zones.filter((zone) => zone.toLowerCase().includes(wanted)) : ['UTC', 'Asia/Seoul', 'Asia/Tokyo', 'Asia/Manila', 'Asia/Jakarta', 'Asia/Bangkok', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'America/Sao_Paulo', 'Australia/Sydney'];
  return matches
    .sort((a, b) => Number(!a.toLowerCase().startsWith(wanted)) - Number(!b.toLowerCase().startsWith(wanted)))
    .slice(0, 25)
    .map((zone) => ({ name: zone, value: zone }));
}

export const anniversariesCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    // Every subcommand is the server's admins' (the command's default permission is only a default);
    // each that needs a server says so itself (a preview in the console needs none).
    requireManageServer(invocation, readerTranslation(invocation, context));
    switch (invocation.subcommand) {
      case 'setup':
        return setup(invocation, context);
      case 'follow':
        return follow(invocation, context, true);
      case 'unfollow':
        return follow(invocation, context, false);
      case 'status':
        return status(invocation, context);
      case 'preview':
        return preview(invocation, context);
      case 'off':
        return off(invocation, context);
      case 'events':
        return privately(events(invocation, context, followedNames(context, invocation.guildId ?? '')));
      case 'pings':
        return setAnniversaryPings(invocation, context);
      default:
        throw new UserError(readerTranslation(invocation, context).t('errors.useSubcommand', { subcommands: 'setup, follow, unfollow, status, preview, off, events, pings' }));
    }
  },
  autocomplete(focused, invocation, context) {
    if (focused.name === 'timezone') return timeZoneChoices(focused.value);
    if (invocation.subcommand === 'unfollow' && invocation.guildId) {
      const followed = context.anniversaries.followedArtistIds(invocation.guildId).map((id) => context.store.artistById(id)?.name ?? '');
      const typed = focused.value.toLowerCase();
      return followed.filter((name) => name && name.toLowerCase().includes(typed)).slice(0, 25).map((name) => ({ name, value: name }));
    }
    return artistChoices(context.store, focused.value);
  },
};
