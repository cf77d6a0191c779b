// /artist: who an artist is, in the store's terms.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { ArtistProfile } from '../core/artist-profile.js';
import { discordLimits, truncate } from './discord-limits.js';
import { artistName, editionDateText, editionLabel, escaped } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { citeSource, colors } from './paged-embed.js';
import type { Translation } from './translation.js';

/** Joins names into one field value, ending with "and N more" rather than cutting a name. */
function nameList(names: string[], translation: Translation): string {
  const more = (count: number) => translation.t('artist.andMore', { count });
  const shown: string[] = [];
  for (const [index, name] of names.entries()) {
    const rest = names.length - index - 1;
    const candidate = [...shown, name].join(', ');
    if (candidate.length + (rest > 0 ? more(rest).length + 1 : 0) > discordLimits.fieldValue) {
      return `${shown.join(', ')} ${more(names.length - index)}`;
    }
    shown.push(name);
  }
  return shown.join(', ');
}

export function artistProfileMessage(profile: ArtistProfile, translation: Translation): MessagePayload {
  const { t } = translation;
  const { artist } = profile;
  const kind = artist.isKpop
    ? t(artist.kind === 'group' ? 'artist.kpopGroup' : 'artist.kpopSoloist')
    : t(artist.kind === 'group' ? 'artist.group' : 'artist.soloist');
  const description =
    profile.groups.length > 0
      ? t('artist.memberOf', { kind, groups: translation.andList(profile.groups.map((g) => `**${artistName(g, translation)}**`)) })
      : kind;
  const fields: APIEmbedField[] = [];
  if (profile.aliases.length > 0) {
    fields.push({ name: t('artist.alsoKnownAs'), value: nameList(profile.aliases.map((a) => escaped(a.alias)), translation) });
  }
  if (profile.members.length > 0) {
    fields.push({ name: t('artist.members'), value: nameList(profile.members.map((m) => artistName(m, translation)), translation) });
  }
  const counts = t('awards.counts', {
    wins: t('awards.wins', { count: profile.wins, formatted: translation.number(profile.wins) }),
    nominations: t('awards.nominations', { count: profile.nominations, formatted: translation.number(profile.nominations) }),
  });
  fields.push({
    name: t('artist.awards'),
    value:
      profile.milestoneCount > 0
        ? t('artist.countsWithMilestones', { counts, count: profile.milestoneCount, formatted: translation.number(profile.milestoneCount) })
        : counts,
  });
  const embed: APIEmbed = {
    title: truncate(artistName(artist, translation), discordLimits.embedTitle),
    description,
    color: colors.artist,
    fields,
  };
  if (profile.latestWin) {
    const win = profile.latestWin;
    const values = {
      category: escaped(win.categoryName),
      edition: editionLabel(win.edition, translation),
      date: editionDateText(win.edition, translation),
    };
    fields.push({
      name: t('artist.latestWin'),
      value: truncate(
        win.workTitle ? t('artist.latestWinWithWork', { ...values, work: escaped(win.workTitle) }) : t('artist.latestWinValue', values),
        discordLimits.fieldValue,
      ),
    });
    embed.footer = {
      text: truncate(t('artist.latestWinSource', { sources: win.sources.map((s) => citeSource(s, translation)).join(' · ') }), discordLimits.footerText),
    };
  }
  return { embeds: [embed] };
}
