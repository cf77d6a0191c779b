// /anniversaries: what a server admin reads about the server's posts, in their own language.
import type { APIEmbedField } from 'discord-api-types/v10';
import type { AnniversaryPost, AnniversarySettings } from '../core/anniversary-records.js';
import type { ChannelCheck, ChannelPermission } from '../core/guild-inspector.js';
import { calendarDateIn } from '../core/calendar.js';
import { localTimeOfDay } from '../core/zoned-time.js';
import { anniversaryColor } from './anniversary-post.js';
import { escaped } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { supportedLocaleOf } from './translation.js';
import type { Translation } from './translation.js';

export interface NextPost {
  at: Date;
  localDate: string;
  count: number;
}

/** "September 12, 2027 at 09:00 Asia/Seoul (00:00 UTC)". */
export function describeInstant(at: Date, localDate: string, timeZone: string, translation: Translation): string {
  const { t } = translation;
  const utcDate = calendarDateIn(at, 'UTC');
  const utc =
    timeZone === 'UTC'
      ? ''
      : ` ${
          utcDate !== localDate
            ? t('anniversaries.inUtcOnDate', { time: localTimeOfDay(at, 'UTC'), date: translation.date(utcDate) })
            : t('anniversaries.inUtc', { time: localTimeOfDay(at, 'UTC') })
        }`;
  return `${t('anniversaries.dateAtTime', { date: translation.date(localDate), time: localTimeOfDay(at, timeZone), zone: timeZone })}${utc}`;
}

const permissionKeys = {
  'view-channel': 'permissions.viewChannel',
  'send-messages': 'permissions.sendMessages',
  'embed-links': 'permissions.embedLinks',
} as const satisfies Record<ChannelPermission, string>;

export function permissionNames(missing: ChannelPermission[], translation: Translation): string[] {
  return missing.map((permission) => `**${translation.t(permissionKeys[permission])}**`);
}

/** Why the bot cannot post in a channel, or null when it can. */
export function channelRefusal(check: ChannelCheck, channelId: string, translation: Translation): string | null {
  const { t } = translation;
  const channel = `<#${channelId}>`;
  switch (check.status) {
    case 'unknown-channel':
      return t('anniversaries.cannotSeeChannel', { channel });
    case 'not-text':
      return t('anniversaries.notTextChannel', { channel });
    case 'missing-permissions':
      return t('anniversaries.missingPermissions', { channel, permissions: translation.orList(permissionNames(check.missing, translation)) });
    case 'ok':
      return null;
  }
}

/** The language name a server's posts are in, as the reader sees it. */
export function languageName(locale: string, translation: Translation): string {
  const supported = supportedLocaleOf(locale);
  return supported ? translation.t(`languages.${supported}`) : locale;
}

export function setupConfirmation(
  settings: { channelId: string; postTime: string; timeZone: string; language: string },
  followed: string[],
  next: NextPost | null,
  translation: Translation,
): string {
  const { t } = translation;
  return [
    t('anniversaries.setupDone', {
      channel: `<#${settings.channelId}>`,
      time: settings.postTime,
      zone: settings.timeZone,
      language: languageName(settings.language, translation),
    }),
    followed.length > 0 ? t('anniversaries.followingNames', { names: followed.map(escaped).join(', ') }) : t('anniversaries.followingEveryone'),
    next ? t('anniversaries.nextPost', { when: describeInstant(next.at, next.localDate, settings.timeZone, translation) }) : t('anniversaries.nothingWithinAYear'),
  ].join('\n');
}

export function followConfirmation(
  outcome: { following: boolean; changed: boolean; artist: string; members: string[] },
  followed: string[],
  translation: Translation,
): string {
  const { t } = translation;
  const artist = `**${escaped(outcome.artist)}**`;
  const now =
    followed.length > 0 ? t('anniversaries.serverFollows', { names: followed.map(escaped).join(', ') }) : t('anniversaries.serverFollowsNobody');
  let first: string;
  if (outcome.following) {
    const members = outcome.members.length > 0 ? t('anniversaries.withMembers', { members: outcome.members.map(escaped).join(', ') }) : '';
    first = outcome.changed ? t('anniversaries.nowFollowing', { artist, members }) : t('anniversaries.alreadyFollowing', { artist });
  } else {
    first = outcome.changed ? t('anniversaries.noLongerFollowing', { artist }) : t('anniversaries.wasNotFollowing', { artist });
  }
  return `${first}\n${now}`;
}

const problemKeys = {
  'channel-deleted': 'anniversaries.problems.channelDeleted',
  'lost-access': 'anniversaries.problems.lostAccess',
  'lost-permission': 'anniversaries.problems.lostPermission',
  'day-ended': 'anniversaries.problems.dayEnded',
} as const;

/** A recorded posting problem: the known ones by their code, anything else as Discord said it. */
export function problemText(problem: string, translation: Translation): string {
  const key = problemKeys[problem as keyof typeof problemKeys];
  return key ? translation.t(key) : escaped(problem);
}

function truncateList(names: string[], translation: Translation): string {
  const text = names.join(', ');
  return text.length <= 1000 ? text : `${text.slice(0, 980)}… ${translation.t('anniversaries.andMoreNames')}`;
}

export function statusMessage(
  guildId: string,
  settings: AnniversarySettings,
  language: string,
  followed: string[],
  next: NextPost | null | undefined,
  last: AnniversaryPost | undefined,
  translation: Translation,
): MessagePayload {
  const { t } = translation;
  const fields: APIEmbedField[] = [
    { name: t('anniversaries.statusPosts'), value: settings.enabled ? t('anniversaries.on') : t('anniversaries.offHowToTurnOn'), inline: true },
    { name: t('anniversaries.statusChannel'), value: `<#${settings.channelId}>`, inline: true },
    { name: t('anniversaries.statusTime'), value: `${settings.postTime} ${settings.timeZone}`, inline: true },
    { name: t('anniversaries.statusLanguage'), value: languageName(language, translation), inline: true },
    { name: t('anniversaries.statusFollowing'), value: followed.length > 0 ? truncateList(followed.map(escaped), translation) : t('anniversaries.everyArtist') },
  ];
  if (next !== undefined) {
    fields.push({
      name: t('anniversaries.statusNext'),
      value: next
        ? t('anniversaries.nextWithCount', {
            when: describeInstant(next.at, next.localDate, settings.timeZone, translation),
            count: next.count,
          })
        : t('anniversaries.nothingWithinAYearShort'),
    });
  }
  if (last) {
    const link = last.messageId ? ` (https://discord.com/channels/${guildId}/${last.channelId}/${last.messageId})` : '';
    const how =
      last.status === 'sent'
        ? `${last.late ? t('anniversaries.sentLate') : t('anniversaries.sent')}${link}`
        : last.status === 'failed'
          ? t('anniversaries.notSent', { error: problemText(last.error ?? '?', translation) })
          : t('anniversaries.beingSent');
    fields.push({ name: t('anniversaries.statusLast'), value: `${translation.date(last.localDate)}: ${how}` });
  }
  if (settings.lastProblem) {
    fields.push({ name: t('anniversaries.statusProblem'), value: t('anniversaries.problemFix', { problem: problemText(settings.lastProblem, translation) }) });
  }
  return { embeds: [{ title: t('anniversaries.statusTitle'), color: anniversaryColor, fields }] };
}

export function noPreviewText(localDate: string, followsSome: boolean, translation: Translation): string {
  const day = translation.monthDay(Number(localDate.slice(5, 7)), Number(localDate.slice(8, 10)));
  return followsSome ? translation.t('anniversaries.noPostFollowed', { day }) : translation.t('anniversaries.noPost', { day });
}
