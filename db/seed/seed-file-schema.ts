// The shape of the reviewed data files in seeds/. Every file may hold any of these lists; the loader
// merges them and checks every reference across files.
import { z } from 'zod';

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
const sourceId = z.string().min(1);
const text = z.string().trim().min(1);
const nullableText = text.nullable().optional();

function isRealDate(value: string): boolean {
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

export const sourceRecord = z.strictObject({
  id: sourceId,
  publishedOn: isoDate,
  headline: text.max(200),
  outlet: text.nullable(),
});

export const artistRecord = z.strictObject({
  slug,
  name: text,
  kind: z.enum(['group', 'soloist']),
  kpop: z.boolean(),
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
  aliases: z.array(text).optional(),
  categories: z.array(z.strictObject({ slug, name: text })),
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

export const workRecord = z.strictObject({
  slug,
  title: text,
  kind: z.enum(['song', 'album']),
  releasedOn: partialDate.nullable().optional(),
  releaseSource: sourceId.optional(),
  credits: z.array(z.strictObject({ artist: slug, role: z.enum(['primary', 'featured']) })).min(1),
});

/** A nominee is either a work (its credited artists are nominated with it) or one or more artists. */
const nominee = {
  work: slug.optional(),
  artists: z.array(slug).min(1).optional(),
};

export const nominationRecord = z
  .strictObject({
    ceremony: slug,
    year,
    category: slug,
    ...nominee,
    result: z.enum(['won', 'nominated']),
    sources: z.array(sourceId).min(1, 'every nomination cites at least one source'),
  })
  .refine((n) => n.work !== undefined || n.artists !== undefined, {
    message: 'names neither a work nor artists',
    path: ['work'],
  });

export const nomineeListRecord = z.strictObject({
  ceremony: slug,
  year,
  category: slug,
  source: sourceId,
});

export const milestoneRecord = z
  .strictObject({
    key: slug,
    kind: z.enum(['first', 'record', 'performance', 'chart', 'debut']),
    artists: z.array(slug).min(1),
    statement: text.max(300),
    occurredOn: partialDate.nullable().optional(),
    edition: z.strictObject({ ceremony: slug, year }).optional(),
    nomination: z.strictObject({ category: slug, ...nominee }).optional(),
    work: slug.optional(),
    note: nullableText,
    doubtful: z.boolean().optional(),
    sources: z.array(sourceId).min(1, 'every milestone cites at least one source'),
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
