// The terminal's wording of an import plan and its problems (`npm run import`), in the curator's
// language: plain text, no Markdown. The Discord /import command words the same data in
// contribution-messages.ts; both read the same catalogue keys where they say the same thing.
import { characterLabel, type FactSpec } from '../core/contributed-facts.js';
import type { ImportApplied, ImportPlan, ImportProblem, PlannedFact } from '../core/import-plan.js';
import { problemKeys } from './contribution-messages.js';
import type { Translation } from './translation.js';

/** One fact in plain words: "Stray Kids won 1st Place with "S-Class" at the Music Bank, June 9, 2023". */
export function describeFact(fact: FactSpec, translation: Translation): string {
  const { t } = translation;
  const artists = fact.artistNames.join(' & ');
  if (fact.type === 'milestone') return `${artists}: ${fact.statement}${fact.occurredOn ? ` (${translation.date(fact.occurredOn)})` : ''}`;
  const edition = fact.edition.airDate
    ? t('contributions.episodeOf', { show: fact.ceremonyName, date: translation.date(fact.edition.airDate) })
    : `${fact.edition.year} ${fact.ceremonyName}`;
  const values = { artists, category: fact.categoryName, edition, work: fact.workTitle ?? '' };
  if (fact.result === 'won') return fact.workTitle ? t('contributions.wonWithWork', values) : t('contributions.won', values);
  return fact.workTitle ? t('contributions.nominatedWithWork', values) : t('contributions.nominated', values);
}

function plannedLine(planned: PlannedFact, translation: Translation): string {
  const { t } = translation;
  const changes = planned.changes
    .map((change) =>
      change.field === 'result' ? t('contributions.changeResult') : t('importPlan.newSources', { count: change.added.length, sources: change.added.join(', ') }),
    )
    .join('; ');
  return `  ${planned.row}: ${describeFact(planned.fact, translation)}${changes ? ` [${changes}]` : ''}`;
}

export function importPlanText(plan: ImportPlan, options: { dryRun: boolean }, translation: Translation): string {
  const { t } = translation;
  const lines: string[] = [t('importPlan.file', { file: plan.fileName, format: plan.format.toUpperCase(), digest: plan.digest.slice(0, 12) })];
  for (const earlier of plan.previousImports) {
    lines.push(t('importPlan.importedBefore', { at: new Date(earlier.importedAt).toISOString(), by: earlier.importedBy }));
  }
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(t('importPlan.section', { title, number: translation.number(items.length) }), ...items);
  };
  section(
    t('contributions.importNewArtists'),
    plan.newArtists.map((a) => {
      const kind = t(a.kind === 'group' ? 'artist.group' : 'artist.soloist');
      const lookalike = a.lookalikes?.length ? ` ${t('input.lookalike', { names: translation.orList(a.lookalikes) })}` : '';
      return `  ${a.name} (${kind})${lookalike}`;
    }),
  );
  section(
    t('contributions.importNewCeremonies'),
    plan.newCeremonies.map((c) => `  ${c.name} (${t(c.kind === 'music_show' ? 'contributions.musicShow' : 'contributions.awardShow')})`),
  );
  section(t('contributions.importNewCategories'), plan.newCategories.map((c) => `  ${c.name} (${c.ceremonySlug})`));
  section(options.dryRun ? t('importPlan.wouldAdd') : t('contributions.importAdds'), plan.added.map((p) => plannedLine(p, translation)));
  section(options.dryRun ? t('importPlan.wouldChange') : t('contributions.importChanges'), plan.changed.map((p) => plannedLine(p, translation)));
  if (plan.unchanged.length > 0) lines.push(t('contributions.importUnchanged', { count: plan.unchanged.length }));
  if (plan.added.length === 0 && plan.changed.length === 0) lines.push(t('contributions.importNothing'));
  else if (options.dryRun) lines.push(t('importPlan.dryRun'));
  return lines.join('\n');
}

export function importAppliedText(applied: ImportApplied, translation: Translation): string {
  if (applied.status === 'nothing-to-change') return translation.t('contributions.importNothingChanged');
  return translation.t('contributions.imported', { added: applied.added, changed: applied.changed, id: applied.importId });
}

/** Where a file is told something else than a fan: a file proposes a new act or show in its own columns. */
const importProblemKeys = {
  ...problemKeys,
  'unknown-artist': 'importPlan.problems.unknownArtist',
  'unknown-ceremony': 'importPlan.problems.unknownCeremony',
} as const satisfies Record<ImportProblem['code'], string>;

/** One problem of a file: where, which field, what was given, what is wrong, and what might be meant. */
export function importProblemText(problem: ImportProblem, translation: Translation): string {
  const { t } = translation;
  const where = [problem.file, problem.row].filter(Boolean).join(', ');
  const given = problem.value !== undefined && problem.value !== '';
  const characters = problem.characters?.length ? problem.characters.map(characterLabel).join(' ') : '';
  const words = t(importProblemKeys[problem.code], { count: Number(problem.value) || 0, characters, max: problem.max ?? 0 });
  const stored = problem.stored ? ` ${t(problem.code === 'withdrawn-fact' ? 'contributions.withdrawalReason' : 'contributions.storeHas', { stored: problem.stored, reason: problem.stored })}` : '';
  const suggestions = problem.suggestions?.length ? ` ${t('contributions.didYouMean', { names: translation.orList(problem.suggestions) })}` : '';
  const line = given
    ? t('importPlan.problemWithValue', { where, field: problem.field, value: problem.value, problem: words })
    : t('importPlan.problem', { where, field: problem.field, problem: words });
  return `${line}${stored}${suggestions}`;
}

/** The lines `npm run import` writes about itself, rather than about a file's facts. */
export function importRunText(
  translation: Translation,
): { usage: string; tooLarge(file: string, maxMebibytes: number): string; nothingChanged: string } {
  const { t } = translation;
  return {
    usage: t('importPlan.usage'),
    tooLarge: (file, maxMebibytes) => t('importPlan.tooLarge', { file, max: translation.number(maxMebibytes) }),
    nothingChanged: t('importPlan.nothingChanged'),
  };
}
