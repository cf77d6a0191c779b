// Milestone cards as fans see them: the words on the card in the reader's language, the PNG as an
// attachment with its alt text, and an embed that still carries every fact in text.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Artist, ArtistRef, SourceRef } from '../core/awards-facts.js';
import type { NotableFact } from '../core/notable-facts.js';
import type { CardContent, RenderedCard } from '../cards/milestone-card.js';
import { discordLimits, truncate } from './discord-limits.js';
import { artistName, editionDateText, editionLabel, editionWithDate, escaped, milestoneLine, nominationLine } from './fact-text.js';
import type { MessageFile, MessagePayload } from './message-payload.js';
import { citeSource } from './paged-embed.js';
import type { Translation } from './translation.js';

export const CARD_FILE_NAME = 'lightstick-card.png';

/** Draws a card; the runtime hands in one that draws each distinct card once. */
export interface CardPainter {
  paint(content: CardContent): RenderedCard;
}

function sourceLine(sources: SourceRef[], translation: Translation): string {
  const source = sources[0];
  if (!source) return '';
  const publisher = source.outlet ?? translation.t('cards.newsArticle');
  if (source.publishedOn) return translation.t('cards.source', { publisher, date: translation.date(source.publishedOn) });
  return translation.t('cards.sourceRead', { publisher, date: source.readOn ? translation.date(source.readOn) : '' });
}

function names(artists: ArtistRef[]): string {
  return artists.filter((a) => a.role !== 'featured').map((a) => a.name).join(' & ');
}

function nativeNameOf(artists: ArtistRef[]): string | undefined {
  const lead = artists.filter((a) => a.role !== 'featured');
  return lead.length === 1 && lead[0]!.hangulName && lead[0]!.hangulName !== lead[0]!.name ? lead[0]!.hangulName : undefined;
}

/** The words on a card for one fact; `yearsAgo` on an anniversary. */
export function cardContent(fact: NotableFact, translation: Translation, yearsAgo?: number): CardContent {
  const { t } = translation;
  const anniversary = yearsAgo !== undefined && yearsAgo > 0 ? { anniversary: t('cards.yearsAgoToday', { ago: translation.yearsAgo(yearsAgo) }) } : {};
  if (fact.kind === 'milestone') {
    const m = fact.milestone;
    // A music show's episode is named by its date already: the date is not said twice.
    const sameDay = m.edition?.episode && m.edition.heldOn === m.occurredOn;
    const occasion = [m.edition ? editionLabel(m.edition, translation) : null, m.occurredOn && !sameDay ? translation.date(m.occurredOn) : null]
      .filter(Boolean)
      .join(' · ');
    const native = nativeNameOf(m.artists);
    return {
      locale: translation.locale,
      artistName: names(m.artists),
      ...(native ? { nativeName: native } : {}),
      statement: m.statement,
      occasion,
      source: sourceLine(m.sources, translation),
      ...anniversary,
    };
  }
  const n = fact.nomination;
  const native = nativeNameOf(n.artists);
  const statement = n.workTitle
    ? t(n.grandPrize ? 'cards.wonGrandPrizeWithWork' : 'cards.wonWithWork', { category: n.categoryName, work: n.workTitle })
    : t(n.grandPrize ? 'cards.wonGrandPrize' : 'cards.won', { category: n.categoryName });
  return {
    locale: translation.locale,
    artistName: names(n.artists),
    ...(native ? { nativeName: native } : {}),
    statement,
    occasion: editionWithDate(n.edition, translation),
    source: sourceLine(n.sources, translation),
    ...anniversary,
  };
}

/** The card as a file, with alt text that says everything the card says. */
export function cardFile(card: RenderedCard): MessageFile {
  return {
    name: CARD_FILE_NAME,
    data: card.png,
    description: truncate(card.altText, 1024),
    width: card.width,
    height: card.height,
  };
}

/** /card: the picture, and the same fact in text with its source. */
export function cardMessage(artist: Artist, fact: NotableFact, painter: CardPainter, translation: Translation): MessagePayload {
  const { t } = translation;
  const card = painter.paint(cardContent(fact, translation));
  const line =
    fact.kind === 'milestone'
      ? milestoneLine(fact.milestone, translation)
      : `${nominationLine(fact.nomination, translation)} · ${editionLabel(fact.nomination.edition, translation)} · ${editionDateText(fact.nomination.edition, translation)}`;
  const sources = fact.kind === 'milestone' ? fact.milestone.sources : fact.nomination.sources;
  const embed: APIEmbed = {
    title: truncate(t('cards.title', { artist: artistName(artist, translation) }), discordLimits.embedTitle),
    description: truncate(line, discordLimits.embedDescription),
    color: 0xf7a8c8,
    image: { url: `attachment://${CARD_FILE_NAME}` },
    footer: { text: truncate(t('sources.one', { sources: sources.map((s) => citeSource(s, translation)).join(' · ') }), discordLimits.footerText) },
  };
  return { embeds: [embed], files: [cardFile(card)] };
}

/** How a notable fact is offered in /card's autocomplete. */
export function notableFactChoice(fact: NotableFact, translation: Translation): { name: string; value: string } {
  const text =
    fact.kind === 'milestone'
      ? fact.milestone.statement
      : `${fact.nomination.categoryName} · ${editionLabel(fact.nomination.edition, translation)}${fact.nomination.workTitle ? ` · ${fact.nomination.workTitle}` : ''}`;
  const value = fact.kind === 'milestone' ? `m${fact.milestone.id}` : `w${fact.nomination.id}`;
  return { name: truncate(escaped(text).replace(/\\/g, ''), discordLimits.choiceName), value };
}
