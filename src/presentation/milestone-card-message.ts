// Milestone cards as fans see them: the words on the card in the reader's language, the PNG as an
// attachment with its alt text, in a Components V2 container that still carries every fact in text
// with the sources as links.
import type { Artist, ArtistRef, SourceRef } from '../core/awards-facts.js';
import type { NotableFact } from '../core/notable-facts.js';
import type { CardContent, RenderedCard } from '../cards/milestone-card.js';
import { cardAccentColor } from '../cards/card-palettes.js';
import { cardLayout } from './card-layout.js';
import { discordLimits, truncate } from './discord-limits.js';
import { artistName, editionDateText, editionLabel, editionWithDate, escaped, milestoneLine, milestoneWhen, nominationLine } from './fact-text.js';
import type { MessageFile, MessagePayload } from './message-payload.js';
import type { Translation } from './translation.js';

export const CARD_FILE_NAME = 'lightstick-card.png';

/** Draws a card; the runtime hands in one that draws each distinct card once. */
export interface CardPainter {
  paint(content: CardContent): RenderedCard;
}

/**
 * The card's source line: every source of the fact, since the store cites a fact as a whole and any
 * of them may be the one that states its date (an article dating a debut may not be its first source).
 */
function sourceLine(sources: SourceRef[], translation: Translation): string {
  const { t } = translation;
  const publisher = (source: SourceRef) => source.outlet ?? t('cards.newsArticle');
  if (sources.length === 0) return '';
  if (sources.length === 1) {
    const source = sources[0]!;
    if (source.publishedOn) return t('cards.source', { publisher: publisher(source), date: translation.date(source.publishedOn) });
    return t('cards.sourceRead', { publisher: publisher(source), date: source.readOn ? translation.date(source.readOn) : '' });
  }
  const items = sources.map((source) =>
    source.publishedOn
      ? t('layout.cardSource', { publisher: publisher(source), date: translation.date(source.publishedOn) })
      : t('layout.cardSourceRead', { publisher: publisher(source), date: source.readOn ? translation.date(source.readOn) : '' }),
  );
  return t('sources.list', { sources: items.join(' · ') });
}

/** A claim credited to someone else, or true as of a day, says so on the card as in the text. */
function qualifiedStatement(milestone: NotableFact & { kind: 'milestone' }, translation: Translation): string {
  const m = milestone.milestone;
  const qualifiers = [
    m.attribution ? translation.t('facts.attributedTo', { who: m.attribution }) : null,
    m.asOf ? translation.t('facts.asOf', { date: translation.date(m.asOf) }) : null,
  ].filter(Boolean);
  return qualifiers.length > 0 ? `${m.statement} (${qualifiers.join(', ')})` : m.statement;
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
    // Nor is a bare year that is the edition's own.
    const sameDay = (m.edition?.episode && m.edition.heldOn === m.occurredOn) || (m.edition && m.occurredOn === String(m.edition.year));
    // Without a date or an edition, the card says what the text says: when it was reported, or that no date is given.
    const occasion =
      [m.edition ? editionLabel(m.edition, translation) : null, m.occurredOn && !sameDay ? translation.date(m.occurredOn) : null]
        .filter(Boolean)
        .join(' · ') || milestoneWhen(m, translation);
    const native = nativeNameOf(m.artists);
    return {
      locale: translation.locale,
      artistName: names(m.artists),
      ...(native ? { nativeName: native } : {}),
      statement: qualifiedStatement(fact, translation),
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

/** /card: the picture in a container of the card's colour, with the same fact in text and its sources as links. */
export function cardMessage(artist: Artist, fact: NotableFact, painter: CardPainter, translation: Translation): MessagePayload {
  const { t } = translation;
  const content = cardContent(fact, translation);
  const card = painter.paint(content);
  const line =
    fact.kind === 'milestone'
      ? milestoneLine(fact.milestone, translation)
      : `${nominationLine(fact.nomination, translation)} · ${editionLabel(fact.nomination.edition, translation)} · ${editionDateText(fact.nomination.edition, translation)}`;
  const sources = fact.kind === 'milestone' ? fact.milestone.sources : fact.nomination.sources;
  return cardLayout(
    {
      accentColor: cardAccentColor(content),
      heading: truncate(t('cards.title', { artist: artistName(artist, translation) }), discordLimits.embedTitle),
      card: cardFile(card),
      facts: truncate(line, 2000),
      sources,
    },
    translation,
  );
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
