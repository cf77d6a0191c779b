// /anniversaries setup|follow|unfollow|status|preview|off — a server's daily anniversary posts.
import { SlashCommandBuilder } from '@discordjs/builders';
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIEmbed,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { enableAnniversaryPosts } from '../src/anniversaries/enable-posts.js';
import { anniversariesForServer, nextPostTime, type AnniversarySchedule } from '../src/core/anniversary-schedule.js';
import { calendarDateIn, formatMonthDayKey, formatPartialDate, isLeapYear, parseMonthDay } from '../src/core/calendar.js';
import { artistChoices, resolveArtist, type Choice } from '../src/core/resolve-artist.js';
import { addDays, formatTimeOfDay, isValidTimeZone, knownTimeZones, localTimeOfDay, parseTimeOfDay } from '../src/core/zoned-time.js';
import { UserError, type CommandContext, type CommandInvocation, type CommandReply, type SlashCommand } from './command.js';
import { anniversaryColor, renderAnniversaryPost } from './presentation/anniversary-post.js';
import { artistOrUserError, escaped, orList } from './presentation/fact-text.js';
import { optionalString, requiredArtistOption, requiredGuildId, stringOption } from './presentation/options.js';

const DEFAULT_TIME = '09:00';
const DEFAULT_TIME_ZONE = 'UTC';

const definition = new SlashCommandBuilder()
  .setName('anniversaries')
  .setDescription("Daily posts of K-pop wins and firsts on their anniversaries, in this server's channel")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('setup')
      .setDescription('Choose the channel, time of day and time zone of the posts')
      .addChannelOption((option) =>
        option
          .setName('channel')
          .setDescription('Where the posts go')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((option) =>
        option.setName('time').setDescription('Time of day as HH:MM, 24-hour (default 09:00)').setMinLength(4).setMaxLength(5),
      )
      .addStringOption((option) =>
        option.setName('timezone').setDescription('IANA time zone, e.g. Asia/Seoul (default UTC)').setAutocomplete(true).setMaxLength(64),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('follow')
      .setDescription("Post this artist's anniversaries (following nobody means everyone)")
      .addStringOption((option) => requiredArtistOption(option).setDescription('Group or soloist; a group brings its members')),
  )
  .addSubcommand((sub) =>
    sub
      .setName('unfollow')
      .setDescription("Stop posting this artist's anniversaries")
      .addStringOption((option) => requiredArtistOption(option).setDescription('An artist this server follows')),
  )
  .addSubcommand((sub) => sub.setName('status').setDescription('Channel, time, followed artists, the next and the last post'))
  .addSubcommand((sub) =>
    sub
      .setName('preview')
      .setDescription('See the post this server would get on a day (only you see it)')
      .addStringOption((option) =>
        option.setName('date').setDescription('A day as MM-DD (default: today)').setMinLength(3).setMaxLength(5),
      ),
  )
  .addSubcommand((sub) => sub.setName('off').setDescription('Stop the posts (settings and follows are kept)'))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function requireGuild(invocation: CommandInvocation): string {
  return requiredGuildId(invocation, 'Anniversary posts');
}

function privately(content: string, embeds?: APIEmbed[]): CommandReply {
  return { payload: embeds ? { content, embeds } : { content }, ephemeral: true };
}

function scheduleFor(context: CommandContext, guildId: string): AnniversarySchedule | null {
  const settings = context.anniversaries.settings(guildId);
  if (!settings?.enabled) return null;
  return { postTime: settings.postTime, timeZone: settings.timeZone, activeFrom: settings.activeFrom, lastPostDate: settings.lastPostDate };
}

/** "09:00 Asia/Seoul (00:00 UTC) on September 12, 2027". */
function describeInstant(at: Date, localDate: string, timeZone: string): string {
  const utc = timeZone === 'UTC' ? '' : ` (${localTimeOfDay(at, 'UTC')} UTC${calendarDateIn(at, 'UTC') !== localDate ? ` on ${formatPartialDate(calendarDateIn(at, 'UTC'))}` : ''})`;
  return `${formatPartialDate(localDate)} at ${localTimeOfDay(at, timeZone)} ${timeZone}${utc}`;
}

/** The next day, within a year, on which this server would get a post. */
function nextPost(context: CommandContext, guildId: string, schedule: AnniversarySchedule) {
  const now = context.clock.now();
  const followed = context.anniversaries.followedArtistIds(guildId);
  let fromDate = calendarDateIn(now, schedule.timeZone);
  for (let day = 0; day < 370; day++) {
    const next = nextPostTime(schedule, fromDate);
    fromDate = addDays(next.localDate, 1);
    if (next.at.getTime() <= now.getTime()) continue;
    const entries = anniversariesForServer(context.store, next.localDate, followed);
    if (entries.length > 0) return { ...next, count: entries.length };
  }
  return null;
}

function followedNames(context: CommandContext, guildId: string): string[] {
  return context.anniversaries
    .followedArtistIds(guildId)
    .map((id) => context.store.artistById(id)?.name)
    .filter((name): name is string => name !== undefined);
}

function setup(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const guildId = requireGuild(invocation);
  const channelId = stringOption(invocation, 'channel');
  const timeText = optionalString(invocation, 'time') ?? DEFAULT_TIME;
  const time = parseTimeOfDay(timeText);
  if (!time) throw new UserError(`"${escaped(timeText.slice(0, 10))}" isn't a time of day. Write it as HH:MM on a 24-hour clock, like 09:00 or 18:30.`);
  const timeZone = optionalString(invocation, 'timezone')?.trim() ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    throw new UserError(`"${escaped(timeZone.slice(0, 64))}" isn't a time zone I know. Use an IANA name such as Asia/Seoul, America/New_York or UTC.`);
  }
  if (!context.guilds) throw new UserError('Setting up posts needs Discord: run this command in your server.');
  const check = context.guilds.checkPostingChannel(guildId, channelId);
  switch (check.status) {
    case 'unknown-channel':
      throw new UserError(`I can't see <#${channelId}>. Give me the View Channel permission there, or pick another channel.`);
    case 'not-text':
      throw new UserError(`<#${channelId}> isn't a text or announcement channel.`);
    case 'missing-permissions':
      throw new UserError(`I can't post in <#${channelId}> yet: I'm missing ${orList(check.missing.map((p) => `**${p}**`))} there. Nothing was changed.`);
    case 'ok':
      break;
  }
  const postTime = formatTimeOfDay(time);
  const schedule = enableAnniversaryPosts(context.anniversaries, { guildId, channelId, postTime, timeZone }, context.clock.now());
  const next = nextPost(context, guildId, schedule);
  const followed = followedNames(context, guildId);
  return privately(
    [
      `Anniversary posts are on: <#${channelId}>, every day at ${postTime} ${timeZone} that has an anniversary.`,
      followed.length > 0 ? `Following: ${followed.map(escaped).join(', ')}.` : 'Following every artist; narrow it with `/anniversaries follow`.',
      next ? `Next post: ${describeInstant(next.at, next.localDate, timeZone)}.` : 'No anniversaries fall within the next year yet.',
    ].join('\n'),
  );
}

function follow(invocation: CommandInvocation, context: CommandContext, following: boolean): CommandReply {
  const guildId = requireGuild(invocation);
  const artist = artistOrUserError(resolveArtist(context.store, stringOption(invocation, 'artist')));
  const changed = following
    ? context.anniversaries.follow(guildId, artist.id)
    : context.anniversaries.unfollow(guildId, artist.id);
  const name = `**${escaped(artist.name)}**`;
  const followed = followedNames(context, guildId);
  const now = followed.length > 0 ? `This server follows: ${followed.map(escaped).join(', ')}.` : 'This server follows nobody, so it gets every artist\'s anniversaries.';
  if (following) {
    const members = artist.kind === 'group' ? context.store.membersOf(artist.id) : [];
    const withMembers = members.length > 0 ? ` (with ${members.map((m) => escaped(m.name)).join(', ')} solo)` : '';
    return privately(`${changed ? `Now following ${name}${withMembers}.` : `Already following ${name}.`}\n${now}`);
  }
  return privately(`${changed ? `No longer following ${name}.` : `This server wasn't following ${name}.`}\n${now}`);
}

function status(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const guildId = requireGuild(invocation);
  const settings = context.anniversaries.settings(guildId);
  if (!settings) return privately('Anniversary posts are not set up here. Start with `/anniversaries setup channel:#your-channel`.');
  const followed = followedNames(context, guildId);
  const fields = [
    { name: 'Posts', value: settings.enabled ? 'On' : 'Off (`/anniversaries setup` turns them back on)', inline: true },
    { name: 'Channel', value: `<#${settings.channelId}>`, inline: true },
    { name: 'Time', value: `${settings.postTime} ${settings.timeZone}`, inline: true },
    { name: 'Following', value: followed.length > 0 ? truncateList(followed.map(escaped)) : 'Every artist' },
  ];
  const schedule = scheduleFor(context, guildId);
  if (schedule) {
    const next = nextPost(context, guildId, schedule);
    fields.push({
      name: 'Next post',
      value: next ? `${describeInstant(next.at, next.localDate, settings.timeZone)}, ${next.count} ${next.count === 1 ? 'anniversary' : 'anniversaries'}` : 'Nothing within the next year',
    });
  }
  const last = context.anniversaries.lastPost(guildId);
  if (last) {
    const how =
      last.status === 'sent'
        ? `sent${last.late ? ' late' : ''}${last.messageId ? ` (https://discord.com/channels/${guildId}/${last.channelId}/${last.messageId})` : ''}`
        : last.status === 'failed'
          ? `not sent: ${escaped(last.error ?? 'unknown error')}`
          : 'being sent';
    fields.push({ name: 'Last post', value: `${formatPartialDate(last.localDate)}: ${how}` });
  }
  if (settings.lastProblem) {
    fields.push({ name: '⚠️ Problem', value: `${escaped(settings.lastProblem)}. Fix it, then run \`/anniversaries setup\` again.` });
  }
  return { payload: { embeds: [{ title: 'Anniversary posts', color: anniversaryColor, fields }] }, ephemeral: true };
}

function truncateList(names: string[]): string {
  const text = names.join(', ');
  return text.length <= 1000 ? text : `${text.slice(0, 990)}… and more`;
}

function preview(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const settings = invocation.guildId ? context.anniversaries.settings(invocation.guildId) : undefined;
  const timeZone = settings?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = calendarDateIn(context.clock.now(), timeZone);
  const typed = optionalString(invocation, 'date');
  let localDate = today;
  if (typed !== undefined) {
    const monthDay = parseMonthDay(typed);
    if (!monthDay) throw new UserError(`"${escaped(typed.slice(0, 20))}" isn't a day of the year. Write it as MM-DD, like 09-12.`);
    const year = Number(today.slice(0, 4));
    // February 29 in a common year is remembered on February 28.
    const key = formatMonthDayKey(monthDay) === '02-29' && !isLeapYear(year) ? '02-28' : formatMonthDayKey(monthDay);
    localDate = `${year}-${key}`;
  }
  const followed = invocation.guildId ? context.anniversaries.followedArtistIds(invocation.guildId) : [];
  const entries = anniversariesForServer(context.store, localDate, followed);
  if (entries.length === 0) {
    return privately(`No post on ${formatPartialDate(localDate).replace(/, \d{4}$/, '')}: nothing ${followed.length > 0 ? 'of the artists this server follows ' : ''}happened on that day in earlier years.`);
  }
  const post = renderAnniversaryPost(entries, localDate);
  return { payload: { content: 'Preview: this is the post the server would get that day.', embeds: post.embeds ?? [] }, ephemeral: true };
}

function off(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const guildId = requireGuild(invocation);
  const changed = context.anniversaries.disable(guildId, context.clock.now().getTime());
  return privately(changed ? 'Anniversary posts are off. `/anniversaries setup` turns them back on.' : 'Anniversary posts were already off here.');
}

function timeZoneChoices(typed: string): Choice[] {
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
      default:
        throw new UserError('Use one of: setup, follow, unfollow, status, preview, off.');
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
