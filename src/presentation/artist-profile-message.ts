// /artist: who an artist is, in the store's terms.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { ArtistProfile } from '../core/artist-profile.js';
import type { NominationFact, SourceRef } from '../core/awards-facts.js';
import { discordLimits, truncate } from './discord-limits.js';
import { artistName, editionDateText, editionLabel, escaped, milestoneWhen } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { citeSource, colors, sourceLinkLine } from './paged-embed.js';
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

/** "1st Place on Inkigayo, March 3, 2019, with "Boy With Luv"", or "Daesang at the 2019 MMAs (…)". */
function winValue(win: NominationFact, translation: Translation): string {
  const { t } = translation;
  const values = {
    category: escaped(win.categoryName),
    edition: editionLabel(win.edition, translation),
    // The edition's label already says its year: an undated one is not "2023 (2023, the sources give no date)".
    date: win.edition.heldOn ? editionDateText(win.edition, translation) : t('facts.dateNotGiven'),
  };
  const work = win.workTitle ? escaped(win.workTitle) : null;
  // A music show is won "on" an episode, whose label already says its date.
  if (win.edition.episode) {
    return work ? t('artist.winOnShowWithWork', { ...values, work }) : t('artist.winOnShow', values);
  }
  return work ? t('artist.latestWinWithWork', { ...values, work }) : t('artist.latestWinValue', values);
}

function countsValue(profile: ArtistProfile, translation: Translation): string {
  const { t } = translation;
  const number = (n: number) => translation.number(n);
  const lines: string[] = [];
  if (profile.musicShowWins > 0) {
    lines.push(t('artist.musicShowWins', { count: profile.musicShowWins, formatted: number(profile.musicShowWins) }));
  }
  if (profile.awardShowNominations > 0) {
    const counts = t('artist.awardShowCounts', {
      wins: t('awards.wins', { count: profile.awardShowWins, formatted: number(profile.awardShowWins) }),
      nominations: t('awards.nominations', { count: profile.awardShowNominations, formatted: number(profile.awardShowNominations) }),
    });
    lines.push(profile.grandPrizes > 0 ? `${counts} · ${t('awards.grandPrizes', { count: profile.grandPrizes, formatted: number(profile.grandPrizes) })}` : counts);
  }
  // An act with neither is in the store for its milestones or its members: "0 wins" would misstate its career.
  if (lines.length === 0) lines.push(t('artist.noAwardsYet'));
  if (profile.milestoneCount > 0) {
    lines.push(t('artist.milestoneCount', { count: profile.milestoneCount, formatted: number(profile.milestoneCount) }));
  }
  return lines.join('\n');
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
  // Each shown fact's sources, labelled by what they cite: web pages get links in a field, the rest the footer.
  const cited: { label: string; sources: SourceRef[] }[] = [];
  if (profile.aliases.length > 0) {
    fields.push({ name: t('artist.alsoKnownAs'), value: nameList(profile.aliases.map((a) => escaped(a.alias)), translation) });
  }
  if (profile.members.length > 0) {
    fields.push({ name: t('artist.members'), value: nameList(profile.members.map((m) => artistName(m, translation)), translation) });
  }
  if (profile.debut) {
    const { milestone, group } = profile.debut;
    const when = milestoneWhen(milestone, translation);
    const statement = escaped(milestone.statement);
    // A statement that only says "Debut" would repeat the field's name: the date says it all.
    const value = /^debut$/i.test(milestone.statement.trim()) && !group ? when : null;
    fields.push({
      name: t('artist.debut'),
      value: truncate(
        value ??
          (group
            ? t('artist.debutWithGroup', { date: when, group: artistName(group, translation), statement })
            : t('artist.debutValue', { date: when, statement })),
        discordLimits.fieldValue,
      ),
    });
    cited.push({ label: t('artist.debut'), sources: milestone.sources });
  }
  if (profile.firstWin) {
    if ('proven' in profile.firstWin) {
      const milestone = profile.firstWin.proven;
      fields.push({
        name: t('artist.firstMusicShowWin'),
        value: truncate(t('artist.debutValue', { date: milestoneWhen(milestone, translation), statement: escaped(milestone.statement) }), discordLimits.fieldValue),
      });
      cited.push({ label: t('artist.firstMusicShowWin'), sources: milestone.sources });
    } else if (profile.firstWin.earliest.id !== profile.latestWin?.id) {
      const win = profile.firstWin.earliest;
      fields.push({ name: t('artist.earliestWin'), value: truncate(winValue(win, translation), discordLimits.fieldValue) });
      cited.push({ label: t('artist.earliestWin'), sources: win.sources });
    }
  }
  if (profile.latestWin) {
    const win = profile.latestWin;
    fields.push({ name: t('artist.latestWin'), value: truncate(winValue(win, translation), discordLimits.fieldValue) });
    cited.push({ label: t('artist.latestWin'), sources: win.sources });
  }
  fields.push({ name: t('artist.awards'), value: truncate(countsValue(profile, translation), discordLimits.fieldValue) });

  const embed: APIEmbed = {
    title: truncate(artistName(artist, translation), discordLimits.embedTitle),
    description,
    color: colors.artist,
    fields,
  };
  const links = [...new Map(cited.flatMap((c) => c.sources.filter((s) => s.url).map((s) => [s.url!, s] as const))).values()];
  if (links.length > 0) {
    const lines: string[] = [];
    for (const source of links) {
      const line = sourceLinkLine(source, translation);
      if ([...lines, line].join('\n').length > discordLimits.fieldValue) break;
      lines.push(line);
    }
    if (lines.length > 0) fields.push({ name: t('sources.links'), value: lines.join('\n') });
  }
  const unlinked = cited
    .map((c) => ({ label: c.label, sources: c.sources.filter((s) => !s.url) }))
    .filter((c) => c.sources.length > 0)
    .map((c) => `${c.label}: ${c.sources.map((s) => citeSource(s, translation)).join(' · ')}`);
  if (unlinked.length > 0) {
    embed.footer = { text: truncate(t('sources.list', { sources: unlinked.join(' · ') }), 1000) };
  }
  // Long alias or member lists in a wordy language could pass the embed total: the footer's citations give way first.
  if (embedLength(embed) > discordLimits.embedTotal) delete embed.footer;
  return { embeds: [embed] };
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}
