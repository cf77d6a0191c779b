// Countdowns in words: "in 7 days: 10 years since TWICE's debut" lines that ride in the daily post,
// the scheduled event made for a round anniversary (its name, location and description within
// Discord's limits), and the replies of /anniversaries setup remind: and /anniversaries events.
import { ComponentType, SeparatorSpacingSize, type APIComponentInContainer, type APIEmbed, type APIMessageTopLevelComponent } from 'discord-api-types/v10';
import type { SourceRef } from '../core/awards-facts.js';
import type { CountdownSettings } from '../core/countdown-records.js';
import type { Countdown, RoundAnniversary } from '../core/countdowns.js';
import type { EventPermission } from '../core/scheduled-events.js';
import { discordLimits, truncate } from './discord-limits.js';
import { artistName, escaped, milestoneLine } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { citeSource, footerText, linksField } from './paged-embed.js';
import type { Translation } from './translation.js';
import { ANNIVERSARY_POST_HEADROOM } from './anniversary-post.js';
import { layoutTexts, sourceLines, v2Limits } from './card-layout.js';

export const countdownColor = 0xffc857;

type NameStyle = 'markdown' | 'plain';

function namesOf(anniversary: RoundAnniversary, translation: Translation, style: NameStyle): string {
  const names = anniversary.milestone.artists.map((artist) =>
    style === 'markdown' ? artistName(artist, translation) : artist.name,
  );
  return translation.andList(names);
}

/** "10 years since TWICE's debut", "1 year since Rosé: First Korean artist to…". */
export function anniversaryText(anniversary: RoundAnniversary, translation: Translation, style: NameStyle = 'markdown'): string {
  const { t } = translation;
  const artist = namesOf(anniversary, translation, style);
  const count = anniversary.years;
  switch (anniversary.occasion) {
    case 'debut':
      return t('countdowns.since.debut', { count, artist });
    case 'solo-debut':
      return t('countdowns.since.soloDebut', { count, artist });
    case 'hundredth-win':
      return t('countdowns.since.hundredthWin', { count, artist });
    case 'first': {
      const statement = style === 'markdown' ? escaped(anniversary.milestone.statement) : anniversary.milestone.statement;
      return t('countdowns.since.first', { count, artist, statement });
    }
  }
}

/** One reminder: "in 7 days: 10 years since TWICE's debut", "tomorrow: …". */
export function countdownLine(countdown: Countdown, translation: Translation): string {
  const what = anniversaryText(countdown, translation);
  return countdown.daysAhead === 1
    ? translation.t('countdowns.tomorrow', { what })
    : translation.t('countdowns.inDays', { count: countdown.daysAhead, what });
}

/** The lines of a post's countdowns, each cited with its sources' numbers in `numbering`. */
export function countdownLines(countdowns: readonly Countdown[], translation: Translation, numbering = new Map<string, number>()): string[] {
  return countdowns.map((countdown) => {
    const markers = countdown.milestone.sources
      .map((source) => {
        if (!numbering.has(source.identifier)) numbering.set(source.identifier, numbering.size + 1);
        return `[${numbering.get(source.identifier)}]`;
      })
      .join('');
    return `⏳ ${countdownLine(countdown, translation)} ${markers}`;
  });
}

function embedCharacters(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** An embed of countdowns within `room` characters (Discord counts every embed of a message against 6000). */
export function countdownEmbed(countdowns: readonly Countdown[], translation: Translation, room: number = discordLimits.embedTotal): APIEmbed {
  const { t } = translation;
  const title = t('countdowns.heading');
  const numbering = new Map<string, number>();
  const lines = countdownLines(countdowns, translation, numbering);
  // The footer and links are budgeted at what they take at most: a third of the room.
  const sourcesRoom = Math.floor(room / 3);
  const budget = Math.min(discordLimits.embedDescription, room - title.length - sourcesRoom - 20);
  const kept: string[] = [];
  const used: SourceRef[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const more = t('countdowns.andMore', { count: lines.length - index });
    if (length + line.length + 1 > budget - more.length - 1) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
    used.push(...countdowns[index]!.milestone.sources);
  }
  const embed: APIEmbed = { title, description: kept.join('\n'), color: countdownColor };
  const footer = footerText(used, numbering, null, translation);
  const links = linksField(used, numbering, translation);
  if (footer && footer.length <= sourcesRoom) embed.footer = { text: footer };
  if (links && links.name.length + links.value.length + (embed.footer?.text.length ?? 0) <= sourcesRoom) embed.fields = [links];
  return embed;
}

/**
 * The countdowns as a container of their own, below the day's post in a Components V2 message,
 * within `room` characters of text (Discord counts every text display of a message against 4,000).
 */
export function countdownContainer(countdowns: readonly Countdown[], translation: Translation, room: number): APIMessageTopLevelComponent {
  const { t } = translation;
  const heading = `## ${t('countdowns.heading')}`;
  const numbering = new Map<string, number>();
  const lines = countdownLines(countdowns, translation, numbering);
  // The sources take at most a third of the room; the lines the rest.
  const sourcesRoom = Math.floor(room / 3);
  const budget = room - heading.length - sourcesRoom - 10;
  const kept: string[] = [];
  const used: SourceRef[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const more = t('countdowns.andMore', { count: lines.length - index });
    if (length + line.length + 1 > budget - more.length - 1) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
    used.push(...countdowns[index]!.milestone.sources);
  }
  const children: APIComponentInContainer[] = [{ type: ComponentType.TextDisplay, content: truncate([heading, ...kept].join('\n'), Math.max(1, room - 10)) }];
  const sourceText: string[] = [];
  let sourcesLength = 0;
  for (const line of sourceLines(used, numbering, translation)) {
    if (sourcesLength + line.length + 1 > sourcesRoom) break;
    sourceText.push(line);
    sourcesLength += line.length + 1;
  }
  if (sourceText.length > 0) {
    children.push({ type: ComponentType.Separator, divider: true, spacing: SeparatorSpacingSize.Small });
    children.push({ type: ComponentType.TextDisplay, content: sourceText.join('\n') });
  }
  return { type: ComponentType.Container, accent_color: countdownColor, components: children };
}

/** Text a V2 post leaves free for its countdowns. */
export const COUNTDOWN_ROOM = 900;

/** Below this many characters left, the post's own description is shortened to make room. */
const MIN_COUNTDOWN_ROOM = 900;

/**
 * The day's post with its countdowns after it, as a second embed, within Discord's 6000 characters
 * a message; `post` is null on a day with countdowns and no anniversaries.
 */
export function withCountdowns(post: MessagePayload | null, countdowns: readonly Countdown[], translation: Translation): MessagePayload | null {
  if (countdowns.length === 0) return post;
  if (!post || post.layout) {
    // A V2 post: the countdowns are a container of their own under it, in the text it leaves free
    // (less the room kept above the post for a preview's note or a ping line).
    const layout = post?.layout ?? [];
    const usedText = layoutTexts(layout).reduce((sum, text) => sum + text.length, 0);
    const room = v2Limits.textTotal - usedText - ANNIVERSARY_POST_HEADROOM;
    return { ...post, layout: [...layout, countdownContainer(countdowns, translation, room)] };
  }
  const embeds = [...(post?.embeds ?? [])];
  let used = embeds.reduce((sum, embed) => sum + embedCharacters(embed), 0);
  const first = embeds[0];
  if (first?.description && discordLimits.embedTotal - used < MIN_COUNTDOWN_ROOM) {
    // A day full of anniversaries: its description gives up the last lines, which /onthisday still shows.
    const cut = Math.max(0, first.description.length - (MIN_COUNTDOWN_ROOM - (discordLimits.embedTotal - used)));
    const lineEnd = first.description.lastIndexOf('\n', cut);
    const description = `${first.description.slice(0, lineEnd > 0 ? lineEnd : cut)}\n…`;
    embeds[0] = { ...first, description };
    used -= first.description.length - description.length;
  }
  embeds.push(countdownEmbed(countdowns, translation, discordLimits.embedTotal - used - 10));
  return { ...post, embeds };
}

export interface ScheduledEventText {
  name: string;
  description: string;
  location: string;
}

/** Discord's limits on a scheduled event's texts. */
export const scheduledEventLimits = { name: 100, description: 1000, location: 100 } as const;

/** A round anniversary as a scheduled event: plain text (events show no markdown), with the fact and its sources. */
export function scheduledEventText(anniversary: RoundAnniversary, translation: Translation): ScheduledEventText {
  const { t } = translation;
  const name = truncate(anniversaryText(anniversary, translation, 'plain'), scheduledEventLimits.name);
  const fact = milestoneLine(anniversary.milestone, translation, { withArtists: true }).replace(/[*\\]/g, '');
  const sources = anniversary.milestone.sources.map((source) => (source.url ? `${citeSource(source, translation)} <${source.url}>` : citeSource(source, translation)));
  const cited = t('sources.one', { sources: sources.join(' · ') });
  const body = `${fact}\n\n${t('countdowns.eventFooter')}`;
  const description = truncate(`${body}\n\n${cited}`, scheduledEventLimits.description);
  return { name, description, location: truncate(t('countdowns.eventLocation'), scheduledEventLimits.location) };
}

/** "7 days and 1 day" ahead. */
function daysAheadText(days: readonly number[], translation: Translation): string {
  return translation.andList(days.map((count) => translation.t('countdowns.daysAhead', { count })));
}

/** The line /anniversaries setup adds about reminders. */
export function remindersLine(days: readonly number[], translation: Translation): string {
  return days.length === 0
    ? translation.t('countdowns.remindersOff')
    : translation.t('countdowns.remindersOn', { days: daysAheadText(days, translation) });
}

export type ReminderDaysProblem = 'not-a-list' | 'out-of-range' | 'too-many';

export function reminderDaysRefusal(typed: string, problem: ReminderDaysProblem, translation: Translation): string {
  const key = problem === 'not-a-list' ? 'countdowns.badReminderList' : problem === 'out-of-range' ? 'countdowns.reminderOutOfRange' : 'countdowns.tooManyReminders';
  return translation.t(key, { typed });
}

export type EventsChange =
  | { kind: 'on'; changed: boolean; followed: string[] }
  | { kind: 'off'; changed: boolean }
  | { kind: 'missing-permissions'; missing: EventPermission[] };

/** The answer to /anniversaries events on|off. */
export function eventsReply(change: EventsChange, translation: Translation): string {
  const { t } = translation;
  if (change.kind === 'missing-permissions') {
    const labels: Record<EventPermission, string> = { 'create-events': t('countdowns.permissionCreateEvents') };
    const names = change.missing.map((permission) => `**${labels[permission]}**`);
    return t('countdowns.missingEventPermissions', { permissions: translation.andList(names) });
  }
  if (change.kind === 'off') return change.changed ? t('countdowns.eventsOff') : t('countdowns.eventsAlreadyOff');
  const followed = change.followed.map(escaped);
  const state = change.changed ? t('countdowns.eventsOn') : t('countdowns.eventsAlreadyOn');
  const whose =
    followed.length === 0 ? t('countdowns.eventsNeedFollows') : t('countdowns.eventsFor', { names: translation.andList(followed.map((name) => `**${name}**`)) });
  return `${state} ${whose}`;
}

/** /anniversaries status with the server's countdowns and scheduled events beside its posts. */
export function withCountdownStatus(payload: MessagePayload, settings: CountdownSettings | undefined, translation: Translation): MessagePayload {
  const { t } = translation;
  const [embed, ...rest] = payload.embeds ?? [];
  if (!embed) return payload;
  const days = settings?.reminderDays ?? [];
  const fields = [
    ...(embed.fields ?? []),
    { name: t('countdowns.statusCountdowns'), value: days.length > 0 ? t('countdowns.statusAhead', { days: daysAheadText(days, translation) }) : t('countdowns.statusOff'), inline: true },
    { name: t('countdowns.statusEvents'), value: settings?.eventsEnabled ? t('countdowns.statusOn') : t('countdowns.statusOff'), inline: true },
  ];
  return { ...payload, embeds: [{ ...embed, fields: fields.slice(0, discordLimits.embedFields) }, ...rest] };
}
