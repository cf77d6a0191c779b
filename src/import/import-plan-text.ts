// The terminal's wording of an import plan and its problems (English; the Discord /import command
// words the same data through the message catalogue).
import { characterLabel, type FactSpec } from '../core/contributed-facts.js';
import type { FactProblem } from '../core/resolve-contributed-win.js';
import type { ImportApplied } from './apply-import.js';
import type { ImportPlan, ImportProblem, PlannedFact } from './plan-import.js';

export function describeFact(fact: FactSpec): string {
  if (fact.type === 'milestone') return `${fact.artistNames.join(' & ')}: ${fact.statement}${fact.occurredOn ? ` (${fact.occurredOn})` : ''}`;
  const edition = fact.edition.airDate ? `${fact.ceremonyName} ${fact.edition.airDate}` : `${fact.edition.year} ${fact.ceremonyName}`;
  const work = fact.workTitle ? ` with "${fact.workTitle}"` : '';
  return `${fact.artistNames.join(' & ')} ${fact.result === 'won' ? 'won' : 'nominated for'} ${fact.categoryName}${work}, ${edition}`;
}

function plannedLine(planned: PlannedFact): string {
  const changes = planned.changes
    .map((change) => (change.field === 'result' ? 'nominated -> won' : `new source ${change.added.join(', ')}`))
    .join('; ');
  return `  ${planned.row}: ${describeFact(planned.fact)}${changes ? ` [${changes}]` : ''}`;
}

export function importPlanText(plan: ImportPlan, options: { dryRun: boolean }): string {
  const lines: string[] = [`${plan.fileName} (${plan.format.toUpperCase()}, sha256 ${plan.digest.slice(0, 12)})`];
  for (const earlier of plan.previousImports) {
    lines.push(`This file was imported before: ${new Date(earlier.importedAt).toISOString()} by ${earlier.importedBy}.`);
  }
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`, ...items);
  };
  section('New artists', plan.newArtists.map((a) => `  ${a.name} (${a.kind})${a.lookalikes?.length ? `, looks like ${a.lookalikes.join(', ')} already in the store: check it is not the same act` : ''}`));
  section('New ceremonies', plan.newCeremonies.map((c) => `  ${c.name} (${c.kind === 'music_show' ? 'music show' : 'award show'})`));
  section('New categories', plan.newCategories.map((c) => `  ${c.name} (${c.ceremonySlug})`));
  section(options.dryRun ? 'Would add' : 'Adds', plan.added.map(plannedLine));
  section(options.dryRun ? 'Would change' : 'Changes', plan.changed.map(plannedLine));
  if (plan.unchanged.length > 0) lines.push(`Already in the store, unchanged: ${plan.unchanged.length}.`);
  if (plan.added.length === 0 && plan.changed.length === 0) lines.push('Nothing to change: the store already holds every fact in this file.');
  else if (options.dryRun) lines.push('Dry run: nothing was changed.');
  return lines.join('\n');
}

export function importAppliedText(applied: ImportApplied): string {
  if (applied.status === 'nothing-to-change') return 'Nothing was changed.';
  return `Imported: ${applied.added} added, ${applied.changed} changed (import #${applied.importId}).`;
}

const problemWords: Record<FactProblem['code'], string> = {
  'missing-value': 'is empty',
  'bad-date': 'is not a date (YYYY-MM-DD, or YYYY where a year is allowed)',
  'future-date': 'is in the future',
  'bad-result': 'must be "won" or "nominated"',
  'bad-url': 'is not an http(s) address',
  'link-characters': "holds characters a web address never has: copy the address from the browser's address bar",
  'link-credentials': "has a user name or password before the site's name, which can hide where the link goes: give the page's own address",
  'missing-source': 'is missing: every fact cites a source',
  'bad-kind': 'is not one of the allowed kinds',
  'unknown-artist': 'is not a known artist (give artist_kind to add one)',
  'ambiguous-artist': 'could be more than one artist',
  'unknown-ceremony': 'is not a known ceremony (give ceremony_kind to add one)',
  'episode-needs-date': "needs the episode's air date (YYYY-MM-DD): the ceremony is a weekly music show",
  'date-conflict': 'differs from the date the store gives this edition',
  'withdrawn-fact': 'names a fact that a curator withdrew',
  'seed-fact-differs': 'contradicts a fact from seeds/: correct it there',
  'fact-differs': 'contradicts a fact already in the store',
  duplicate: 'is already in the store',
  'too-many-waiting': 'too many suggestions are waiting',
  'conflicting-rows': 'contradicts an earlier row of the file',
  'bad-header': 'is not a column of the import format (or a required column is missing)',
  'not-utf8': 'the file is not UTF-8 text',
  malformed: 'is malformed',
  'unknown-reference': 'names something neither the file nor the store defines',
  'not-importable': 'cannot be imported (nominee lists come only from seeds/)',
  'too-long': 'is too long',
};

export function importProblemText(problem: ImportProblem): string {
  const where = [problem.file, problem.row].filter(Boolean).join(', ');
  const value = problem.value !== undefined && problem.value !== '' ? ` "${problem.value}"` : '';
  const stored = problem.stored ? ` (store: ${problem.stored})` : '';
  const suggestions = problem.suggestions?.length ? `; did you mean ${problem.suggestions.join(', ')}?` : '';
  const characters = problem.characters?.length ? ` (${problem.characters.map(characterLabel).join(' ')})` : problem.max !== undefined ? ` (at most ${problem.max} characters)` : '';
  return `${where}, field ${problem.field}${value}: ${problemWords[problem.code]}${characters}${stored}${suggestions}`;
}
