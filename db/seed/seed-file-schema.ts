// The shape of the reviewed data files in seeds/. Every file may hold any of these lists; the loader
// merges them and checks every reference across files.
import { z } from 'zod';
import { characterLabel, citedLink, type CitedLinkProblem } from '../../src/core/contributed-facts.js';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug such as "stray-kids"');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');
/** A date only as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD. */
const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be written YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');
const year = z.number().int().min(1950).max(2100);
/**
 * A web page's address: http or https only, without characters no address holds, kept in the
 * WHATWG parser's normalised form (see citedLink). An import names the problem in the reader's
 * language from the issue's `params`.
 */
export const webUrl = z
  .string()
  .trim()
  .transform((value, context) => {
    const link = citedLink(value);
    if (link.ok) return link.url;
    context.addIssue({ code: 'custom', message: webUrlMessages[link.problem](link.characters ?? []), params: { problem: link.problem, characters: link.characters, typed: value } });
    return z.NEVER;
  });

const webUrlMessages: Record<CitedLinkProblem, (characters: string[]) => string> = {
  'bad-url': () => 'must be an http(s) address such as "https://example.com/article"',
  'link-characters': (characters) => `holds characters a web address never has (${characters.map(characterLabel).join(' ')}): copy the address from the browser's address bar`,
  'link-credentials': () => "has a user name or password before the site's name: give the page's own address",
};
const sourceId = z.string().min(1);
const text = z.string().trim().min(1);
const nullableText = text.nullable().optional();

export function isRealDate(value: string): boolean {
  const [y, m = '01', d = '01'] = value.split('-');
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() + 1 === Number(m) && date.getUTCDate() === Number(d);
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const sourceRecord = z
  .strictObject({
  id: sourceId,
  /** When it was published; a living page (a wiki article) has none and gives `readOn` instead. */
  publishedOn: isoDate.optional(),
  /** The article's headline in our words, or a web page's title. */
  headline: text.max(200),
  /** The outlet or web publisher; null when not known. */
  outlet: text.nullable(),
  /** For a web page: its address (then `id` is usually the address too) and the date it was read. */
  url: webUrl.optional(),
  readOn: isoDate.optional(),
  })
  .refine((s) => s.publishedOn !== undefined || (s.url !== undefined && s.readOn !== undefined), {
    message: 'needs its publication date, or for a living web page its url and the date it was read',
    path: ['publishedOn'],
  });

export const artistRecord = z.strictObject({
  slug,
  name: text,
  kind: z.enum(['group', 'soloist']),
  kpop: z.boolean(),
  /** Why the flag is what it is, when the sources do not make it plain. */
  kpopNote: text.optional(),
  members: z.array(slug).optional(),
  aliases: z
    .array(
      z.strictObject({
        alias: text,
        kind: z.enum(['name', 'stage', 'birth', 'romanisation', 'hangul', 'short']),
      }),
    )
    .optional(),
});

export const ceremonyRecord = z.strictObject({
  slug,
  name: text,
  shortName: text,
  /** award_show (the default): one edition a year; music_show: one edition per episode, by air date. */
  kind: z.enum(['award_show', 'music_show']).optional(),
  aliases: z.array(text).optional(),
  categories: z.array(z.strictObject({ slug, name: text, grandPrize: z.boolean().optional() })),
});

export const editionRecord = z.strictObject({
  ceremony: slug,
  year,
  heldOn: isoDate.nullable().optional(),
  venue: nullableText,
  city: nullableText,
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as "America/New_York"').nullable().optional(),
  notes: nullableText,
  source: sourceId,
});

/**
 * Which edition of a ceremony: the year for an annual show; for a music show's episode, its air
 * date too (`date`, YYYY-MM-DD, in that year).
 */
const editionRef = { ceremony: slug, year, date: isoDate.optional() };

export const workRecord = z.strictObject({
  slug,
  title: text,
  kind: z.enum(['song', 'album']),
  releasedOn: partialDate.nullable().optional(),
  releaseSource: sourceId.optional(),
  /** What a source says of the work that is not a credit, and that source. */
  note: text.optional(),
  noteSource: sourceId.optional(),
  credits: z.array(z.strictObject({ artist: slug, role: z.enum(['primary', 'featured']) })).min(1),
});

/** A nominee is either a work (its credited artists are nominated with it) or one or more artists. */
const nominee = {
  work: slug.optional(),
  artists: z.array(slug).min(1).optional(),
};

/**
 * Where an exported fact came from (an import or an approved suggestion). Shown for review; an
 * import records its own provenance, so this is read and kept only as the fact's history.
 */
const provenance = z
  .strictObject({
    origin: z.enum(['import', 'suggestion']),
    fileName: z.string().optional(),
    digest: z.string().optional(),
    importedBy: z.string().optional(),
    importedAt: z.string().optional(),
    suggestedBy: z.string().optional(),
    approvedBy: z.string().optional(),
    approvedAt: z.string().optional(),
  })
  .optional();

export const nominationRecord = z
  .strictObject({
    ...editionRef,
    category: slug,
    ...nominee,
    result: z.enum(['won', 'nominated']),
    /** For a ceremony held over several days: the day this award was given, as a source gives it. */
    awardedOn: isoDate.optional(),
    sources: z.array(sourceId).min(1, 'every nomination cites at least one source'),
    provenance,
  })
  .refine((n) => n.work !== undefined || n.artists !== undefined, {
    message: 'names neither a work nor artists',
    path: ['work'],
  });

export const nomineeListRecord = z.strictObject({
  ...editionRef,
  category: slug,
  source: sourceId,
  /** False records a list that is not the full one, with `note` saying why (default true). */
  complete: z.boolean().optional(),
  note: text.optional(),
});

export const milestoneRecord = z
  .strictObject({
    key: slug,
    kind: z.enum(['first', 'record', 'performance', 'chart', 'debut']),
    artists: z.array(slug).min(1),
    statement: text.max(300),
    occurredOn: partialDate.nullable().optional(),
    edition: z.strictObject(editionRef).optional(),
    nomination: z.strictObject({ category: slug, ...nominee }).optional(),
    work: slug.optional(),
    note: nullableText,
    doubtful: z.boolean().optional(),
    /** Whom the source credits the claim to, e.g. "Koreaboo". */
    attribution: text.optional(),
    /** For a claim true as of a day ("the only", "currently"): that day, YYYY-MM-DD. */
    asOf: isoDate.optional(),
    /** False when the statement may be as true of acts it does not name; `note` says why. */
    exclusive: z.boolean().optional(),
    sources: z.array(sourceId).min(1, 'every milestone cites at least one source'),
    provenance,
  })
  .refine((m) => m.nomination === undefined || m.edition !== undefined, {
    message: 'a milestone that rests on a nomination must name its edition',
    path: ['edition'],
  });

export const seedFile = z.strictObject({
  sources: z.array(sourceRecord).optional(),
  artists: z.array(artistRecord).optional(),
  ceremonies: z.array(ceremonyRecord).optional(),
  editions: z.array(editionRecord).optional(),
  works: z.array(workRecord).optional(),
  nomineeLists: z.array(nomineeListRecord).optional(),
  nominations: z.array(nominationRecord).optional(),
  milestones: z.array(milestoneRecord).optional(),
});

export type SeedFile = z.infer<typeof seedFile>;
export type SourceRecord = z.infer<typeof sourceRecord>;
export type ArtistRecord = z.infer<typeof artistRecord>;
export type CeremonyRecord = z.infer<typeof ceremonyRecord>;
export type EditionRecord = z.infer<typeof editionRecord>;
export type WorkRecord = z.infer<typeof workRecord>;
export type NominationRecord = z.infer<typeof nominationRecord>;
export type NomineeListRecord = z.infer<typeof nomineeListRecord>;
export type MilestoneRecord = z.infer<typeof milestoneRecord>;
