// How the store grows, as fans and curators read it: a suggestion's acknowledgement, what is wrong
// with one, the review card with its buttons, a fan's own suggestions, an import's dry run.
import { ActionRowBuilder, ButtonBuilder } from '@discordjs/builders';
import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { characterLabel, type FactSpec, type NewArtist, type SourceSpec } from '../core/contributed-facts.js';
import type { FactProblem, PendingCreations } from '../core/resolve-contributed-win.js';
import type { Suggestion } from '../core/suggestion-records.js';
import type { ImportApplied, ImportPlan, ImportProblem, PlannedFact } from '../core/import-plan.js';
import { discordLimits, truncate } from './discord-limits.js';
import { escaped, inertText } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { citeSource, sourceLinkLine } from './paged-embed.js';
import { echoed } from './refusals.js';
import type { Translation } from './translation.js';

export const contributionColor = 0x80b3ff;

/** A source as a fan reads it: the page as a link, with its publisher and date, as every reply cites one. */
export function sourceLink(source: SourceSpec, translation: Translation): string {
  const cited = { identifier: source.identifier, url: source.url, headline: source.title, outlet: source.publisher, publishedOn: source.publishedOn, readOn: source.readOn };
  return source.url ? sourceLinkLine(cited, translation) : inertText(citeSource(cited, translation));
}

/** One fact in words: "Stray Kids won 1st Place with "S-Class" on Music Bank (June 9, 2023)". */
export function factSummary(fact: FactSpec, translation: Translation): string {
  const { t } = translation;
  const artists = fact.artistNames.map(escaped).join(' & ');
  if (fact.type === 'milestone') {
    const when = fact.occurredOn ? ` (${translation.date(fact.occurredOn)})` : '';
    return `${artists}: ${escaped(fact.statement)}${when}`;
  }
  const edition = fact.edition.airDate
    ? t('contributions.episodeOf', { show: escaped(fact.ceremonyName), date: translation.date(fact.edition.airDate) })
    : `${fact.edition.year} ${escaped(fact.ceremonyName)}`;
  const values = { artists, category: escaped(fact.categoryName), edition, work: escaped(fact.workTitle ?? '') };
  if (fact.result === 'won') return fact.workTitle ? t('contributions.wonWithWork', values) : t('contributions.won', values);
  return fact.workTitle ? t('contributions.nominatedWithWork', values) : t('contributions.nominated', values);
}

/** The catalogue's words for each problem code (the terminal's import text reads them too). */
export const problemKeys = {
  'missing-value': 'contributions.problems.missingValue',
  'bad-date': 'contributions.problems.badDate',
  'future-date': 'contributions.problems.futureDate',
  'bad-result': 'contributions.problems.badResult',
  'bad-url': 'contributions.problems.badUrl',
  'link-characters': 'contributions.problems.linkCharacters',
  'link-credentials': 'contributions.problems.linkCredentials',
  'missing-source': 'contributions.problems.missingSource',
  'bad-kind': 'contributions.problems.badKind',
  'unknown-artist': 'contributions.problems.unknownArtist',
  'ambiguous-artist': 'contributions.problems.ambiguousArtist',
  'unknown-ceremony': 'contributions.problems.unknownCeremony',
  'episode-needs-date': 'contributions.problems.episodeNeedsDate',
  'date-conflict': 'contributions.problems.dateConflict',
  'withdrawn-fact': 'contributions.problems.withdrawnFact',
  'seed-fact-differs': 'contributions.problems.seedFactDiffers',
  'fact-differs': 'contributions.problems.factDiffers',
  duplicate: 'contributions.problems.duplicate',
  'too-many-waiting': 'contributions.problems.tooManyWaiting',
  'conflicting-rows': 'contributions.problems.conflictingRows',
  'bad-header': 'contributions.problems.badHeader',
  'not-utf8': 'contributions.problems.notUtf8',
  malformed: 'contributions.problems.malformed',
  'unknown-reference': 'contributions.problems.unknownReference',
  'not-importable': 'contributions.problems.notImportable',
  'too-long': 'input.tooLong',
} as const satisfies Record<FactProblem['code'], string>;

/** One problem with what a fan or a file gave: the field, what was given, what is wrong, and suggestions. */
export function problemText(problem: FactProblem, translation: Translation): string {
  const { t } = translation;
  // A refused link is echoed inert: it may be one built to look like something else.
  const link = problem.code === 'bad-url' || problem.code === 'link-characters' || problem.code === 'link-credentials';
  const shown = problem.value === undefined ? '' : link ? inertText(problem.value.trim().slice(0, 100)) : echoed(problem.value, 100);
  const value = shown !== '' ? ` "${shown}"` : '';
  // For a withdrawn fact, what the store has is the curator's reason for withdrawing it.
  const storedKey = problem.code === 'withdrawn-fact' ? 'contributions.withdrawalReason' : 'contributions.storeHas';
  const stored = problem.stored ? ` ${t(storedKey, { stored: escaped(problem.stored), reason: escaped(problem.stored) })}` : '';
  const suggestions = problem.suggestions?.length
    ? ` ${t('contributions.didYouMean', { names: translation.orList(problem.suggestions.map((s) => `**${escaped(s)}**`)) })}`
    : '';
  const characters = (problem.characters ?? []).map((c) => `“${inertText(characterLabel(c))}”`).join(' ');
  return `• \`${problem.field}\`${value}: ${t(problemKeys[problem.code], { count: Number(problem.value) || 0, characters, max: problem.max ?? 0 })}${stored}${suggestions}`;
}

export function problemsText(problems: FactProblem[], translation: Translation): string {
  const lines = problems.slice(0, 15).map((p) => problemText(p, translation));
  return truncate(`${translation.t('contributions.notTaken')}\n${lines.join('\n')}`, discordLimits.content);
}

/** The curator's warning that a new artist's name looks like a stored one ("Strаy Kids" with a Cyrillic а). */
function lookalikeLines(artist: NewArtist, translation: Translation): string[] {
  if (!artist.lookalikes?.length) return [];
  return [translation.t('input.lookalike', { names: translation.orList(artist.lookalikes.map((name) => `**${escaped(name)}**`)) })];
}

function creationLines(creates: PendingCreations, translation: Translation): string[] {
  const { t } = translation;
  return [
    ...creates.artists.flatMap((a) => [
      `🆕 ${t(a.kind === 'group' ? 'contributions.newGroup' : 'contributions.newSoloist', { name: escaped(a.name) })}`,
      ...lookalikeLines(a, translation),
    ]),
    ...creates.ceremonies.map((c) =>
      `🆕 ${t(c.kind === 'music_show' ? 'contributions.newMusicShow' : 'contributions.newAwardShow', { name: escaped(c.name) })}`,
    ),
    ...creates.categories.map((c) => `🆕 ${t('contributions.newCategory', { name: escaped(c.name) })}`),
  ];
}

export function suggestionAcknowledgement(suggestion: Suggestion, translation: Translation): string {
  const { t } = translation;
  const creates = creationLines(suggestion.creates, translation);
  return truncate(
    [
      t('contributions.suggestionThanks', { id: suggestion.id }),
      `> ${factSummary(suggestion.fact, translation)}`,
      ...creates,
      t('contributions.suggestionNext'),
    ].join('\n'),
    discordLimits.content,
  );
}

/** Why approving a suggestion did nothing: the fact it names was withdrawn, for this reason. */
export function withdrawnFactApprovalText(id: number, reason: string, translation: Translation): string {
  return truncate(translation.t('contributions.withdrawnFactNotApproved', { id, reason: escaped(reason) }), discordLimits.content);
}

export function duplicateText(existingSummary: string | null, waitingId: number | undefined, translation: Translation): string {
  const { t } = translation;
  if (waitingId !== undefined) return t('contributions.duplicateWaiting', { id: waitingId });
  return truncate(t('contributions.duplicateInStore', { fact: existingSummary ?? '' }), discordLimits.content);
}

/** The review card: the exact fact, what it creates, the source, who suggested it and when. */
export function reviewCard(suggestion: Suggestion, waiting: number, translation: Translation): MessagePayload {
  const { t } = translation;
  const fields: APIEmbedField[] = [
    { name: t('contributions.reviewFact'), value: truncate(factSummary(suggestion.fact, translation), discordLimits.fieldValue) },
  ];
  const creates = creationLines(suggestion.creates, translation);
  if (creates.length > 0) fields.push({ name: t('contributions.reviewCreates'), value: truncate(creates.join('\n'), discordLimits.fieldValue) });
  fields.push({
    name: t('contributions.reviewSource'),
    value: truncate(suggestion.fact.sources.map((s) => sourceLink(s, translation)).join('\n'), discordLimits.fieldValue),
  });
  fields.push({
    name: t('contributions.reviewSuggestedBy'),
    value: t('contributions.suggestedByValue', {
      user: `<@${suggestion.suggester.userId}>`,
      name: escaped(suggestion.suggester.name),
      date: translation.date(new Date(suggestion.createdAt).toISOString().slice(0, 10)),
    }),
  });
  const embed: APIEmbed = {
    title: t('contributions.reviewTitle', { id: suggestion.id }),
    description: t('contributions.reviewWaiting', { count: waiting }),
    color: contributionColor,
    fields,
  };
  // Skip carries only this card's id: the next card is the one behind it in the queue.
  const buttons = new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder().setCustomId(`review:approve:${suggestion.id}`).setLabel(t('contributions.approve')).setStyle(ButtonStyle.Success),
      new ButtonBuilder().setCustomId(`review:reject:${suggestion.id}`).setLabel(t('contributions.reject')).setStyle(ButtonStyle.Danger),
      new ButtonBuilder().setCustomId(`review:skip:${suggestion.id}`).setLabel(t('contributions.skip')).setStyle(ButtonStyle.Secondary),
    )
    .toJSON();
  return { embeds: [embed], components: [buttons] };
}

export function suggestionStatusMessage(suggestions: Suggestion[], translation: Translation): MessagePayload {
  const { t } = translation;
  if (suggestions.length === 0) return { content: t('contributions.noSuggestionsYet') };
  const lines = suggestions.map((s) => {
    const outcome =
      s.status === 'waiting'
        ? t('contributions.statusWaiting')
        : s.status === 'approved'
          ? t('contributions.statusApproved')
          : t('contributions.statusRejected', { reason: escaped(s.rejectionReason ?? '') });
    return `**#${s.id}** ${truncate(factSummary(s.fact, translation), 300)}\n${outcome}`;
  });
  const embed: APIEmbed = {
    title: t('contributions.statusTitle'),
    description: truncate(lines.join('\n\n'), discordLimits.embedDescription),
    color: contributionColor,
  };
  return { embeds: [embed] };
}

function plannedLine(planned: PlannedFact, translation: Translation): string {
  const { t } = translation;
  const changes = planned.changes.map((change) =>
    change.field === 'result' ? t('contributions.changeResult') : t('contributions.changeSources', { count: change.added.length }),
  );
  return `${planned.row}: ${factSummary(planned.fact, translation)}${changes.length > 0 ? ` (${changes.join('; ')})` : ''}`;
}

/**
 * Lines that fit a field, ending with "and N more" rather than cutting a line. Only the lines that
 * fit are made: a file of a hundred thousand facts shows about twenty.
 */
function fieldOfLines<T>(name: string, items: readonly T[], lineOf: (item: T) => string, translation: Translation): APIEmbedField {
  const kept: string[] = [];
  let length = 0;
  for (const [index, item] of items.entries()) {
    const line = lineOf(item);
    const more = translation.t('contributions.andMore', { count: items.length - index });
    if (length + line.length + 1 > discordLimits.fieldValue - more.length - 2) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return { name: truncate(`${name} (${translation.number(items.length)})`, discordLimits.fieldName), value: kept.join('\n') };
}

/** The dry run of an import, as the curator reads it before applying it. */
export function importPlanMessage(plan: ImportPlan, translation: Translation, buttons: { apply: string; cancel: string } | null): MessagePayload {
  const { t } = translation;
  const fields: APIEmbedField[] = [];
  const add = <T>(name: string, items: readonly T[], lineOf: (item: T) => string) =>
    items.length > 0 && fields.push(fieldOfLines(name, items, lineOf, translation));
  add(t('contributions.importNewArtists'), plan.newArtists, (a) =>
    [`${escaped(a.name)} (${t(a.kind === 'group' ? 'artist.group' : 'artist.soloist')})`, ...lookalikeLines(a, translation)].join(' '),
  );
  add(
    t('contributions.importNewCeremonies'),
    plan.newCeremonies,
    (c) => `${escaped(c.name)} (${t(c.kind === 'music_show' ? 'contributions.musicShow' : 'contributions.awardShow')})`,
  );
  add(t('contributions.importNewCategories'), plan.newCategories, (c) => escaped(c.name));
  add(t('contributions.importAdds'), plan.added, (p) => plannedLine(p, translation));
  add(t('contributions.importChanges'), plan.changed, (p) => plannedLine(p, translation));
  const notes = [
    ...plan.previousImports.map((earlier) =>
      t('contributions.importedBefore', { date: translation.date(new Date(earlier.importedAt).toISOString().slice(0, 10)) }),
    ),
    plan.unchanged.length > 0 ? t('contributions.importUnchanged', { count: plan.unchanged.length }) : null,
    plan.added.length + plan.changed.length === 0 ? t('contributions.importNothing') : t('contributions.importDryRun'),
  ].filter((note): note is string => note !== null);
  const embed: APIEmbed = {
    title: truncate(t('contributions.importTitle', { file: escaped(plan.fileName) }), discordLimits.embedTitle),
    description: notes.join('\n'),
    color: contributionColor,
    fields: fields.slice(0, discordLimits.embedFields),
    footer: { text: `sha256 ${plan.digest.slice(0, 12)}` },
  };
  const payload: MessagePayload = { embeds: [embed] };
  if (buttons && plan.added.length + plan.changed.length > 0) {
    payload.components = [
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(
          new ButtonBuilder().setCustomId(buttons.apply).setLabel(t('contributions.apply')).setStyle(ButtonStyle.Success),
          new ButtonBuilder().setCustomId(buttons.cancel).setLabel(t('contributions.cancel')).setStyle(ButtonStyle.Secondary),
        )
        .toJSON(),
    ];
  }
  return payload;
}

export function importProblemsText(fileName: string, problems: ImportProblem[], translation: Translation): string {
  const lines = problems.slice(0, 12).map((p) => `${p.row ? `${p.row} ` : ''}${problemText(p, translation)}`);
  const more = problems.length > 12 ? [translation.t('contributions.andMore', { count: problems.length - 12 })] : [];
  return truncate(
    [translation.t('contributions.importRefused', { file: escaped(fileName) }), ...lines, ...more].join('\n'),
    discordLimits.content,
  );
}

export function importAppliedText(applied: ImportApplied, translation: Translation): string {
  if (applied.status === 'nothing-to-change') return translation.t('contributions.importNothingChanged');
  return translation.t('contributions.imported', { added: applied.added, changed: applied.changed, id: applied.importId });
}

/** A curator's list of an artist's contributed facts with their numbers, for /review withdraw. */
export function contributedFactsMessage(
  artistName: string,
  facts: { type: 'win' | 'milestone'; id: number; line: string; origin: 'import' | 'suggestion' }[],
  translation: Translation,
): MessagePayload {
  const { t } = translation;
  if (facts.length === 0) return { content: t('contributions.findNone', { artist: escaped(artistName) }) };
  const lines = facts.map((fact) =>
    t('contributions.findLine', {
      type: fact.type,
      id: fact.id,
      fact: fact.line,
      origin: fact.origin === 'import' ? t('contributions.fromImport') : t('contributions.fromSuggestion'),
    }),
  );
  const embed: APIEmbed = {
    title: truncate(t('contributions.findTitle', { artist: escaped(artistName) }), discordLimits.embedTitle),
    description: truncate(lines.join('\n'), discordLimits.embedDescription),
    color: contributionColor,
    footer: { text: t('contributions.findHint') },
  };
  return { embeds: [embed] };
}
