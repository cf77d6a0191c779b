// `npm run import`'s words, in the curator's language: an import plan, its problems and the run's
// own lines come from the catalogues, and no English is left written into the code.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPlan, ImportProblem } from '../../src/core/import-plan.js';
import type { ProblemCode } from '../../src/core/resolve-contributed-win.js';
import { planImport } from '../../src/import/plan-import.js';
import type { OpenedStore } from '../../src/open-store.js';
import { importAppliedText, importPlanText, importProblemText, importRunText } from '../../src/presentation/import-plan-text.js';
import { problemKeys } from '../../src/presentation/contribution-messages.js';
import { supportedLocales, translationFor } from '../../src/presentation/translation.js';
import { openTestStore } from '../support/test-store.js';

const now = new Date('2026-11-21T12:00:00Z');
const csv = [
  'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published,artist_kind,ceremony_kind',
  'skz,Music Bank,2023-06-09,1st Place,won,S-Class,https://news.example.com/a,Stray Kids win,Example News,2023-06-10,,music_show',
  'Nova Light,MTV VMAs,2024,Best K-Pop,nominated,,https://news.example.com/b,Nominees,Example News,2024-09-12,group,',
].join('\n');

let opened: OpenedStore | undefined;
afterEach(() => opened?.close());

/** A real plan of a real store, with an earlier import, a changed fact and a lookalike added as plain data. */
function plannedFile(): ImportPlan {
  opened = openTestStore();
  const planning = planImport({ store: opened.store, lookups: opened.contributions.lookups }, { bytes: Buffer.from(csv), fileName: 'wins.csv', by: 'curator-1', now });
  if (!planning.ok) throw new Error(JSON.stringify(planning.problems));
  const { plan } = planning;
  const win = plan.added[0]!;
  return {
    ...plan,
    previousImports: [{ id: 1, fileName: 'wins.csv', digest: plan.digest, importedAt: Date.parse('2026-11-01T09:30:00Z'), importedBy: 'curator-2' }],
    newArtists: plan.newArtists.map((artist) => ({ ...artist, lookalikes: ['Nova Iight'] })),
    added: [plan.added[1]!],
    changed: [{ ...win, row: 'row 2', changes: [{ field: 'result', from: 'nominated', to: 'won' }, { field: 'sources', added: ['https://news.example.com/c'] }] }],
    unchanged: [win],
  };
}

const problems: ImportProblem[] = [
  { file: 'bad.csv', row: 'row 2', field: 'result', code: 'bad-result', value: 'winner' },
  { file: 'bad.csv', row: 'row 3', field: 'artist', code: 'unknown-artist', value: 'Stray Kidz', suggestions: ['Stray Kids'] },
  { file: 'bad.csv', row: 'row 4', field: 'date', code: 'date-conflict', value: '2023-06-10', stored: '2023-06-09' },
  { file: 'bad.csv', row: null, field: '(file)', code: 'not-utf8' },
];

describe('the terminal import text', () => {
  it('words a dry run in English', () => {
    const text = importPlanText(plannedFile(), { dryRun: true }, translationFor('en-US'));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^wins\.csv \(CSV, sha256 [0-9a-f]{12}\)$/);
    expect(lines).toContain('This file was imported before: 2026-11-01T09:30:00.000Z by curator-2.');
    expect(lines).toContain('New artists (1):');
    expect(text).toMatch(/ {2}Nova Light \(Group\) ⚠️ Looks like Nova Iight, already in Lightstick/);
    expect(lines).toContain('New ceremonies and shows (1):');
    expect(lines).toContain('  Music Bank (music show)');
    expect(lines).toContain('Would add (1):');
    expect(lines).toContain('  row 3: Nova Light was nominated for Best K-Pop at the 2024 MTV Video Music Awards');
    expect(lines).toContain('Would change (1):');
    expect(lines).toContain('  row 2: Stray Kids won 1st Place with "S-Class" at the Music Bank, June 9, 2023 [nominated → won; new source https://news.example.com/c]');
    expect(lines).toContain('1 fact is already in the store, unchanged.');
    expect(lines.at(-1)).toBe('Dry run: nothing was changed.');
    expect(importPlanText(plannedFile(), { dryRun: false }, translationFor('en-US'))).toMatch(/^Adds \(1\):$/m);
  });

  it('words the same dry run in Korean', () => {
    const text = importPlanText(plannedFile(), { dryRun: true }, translationFor('ko'));
    const lines = text.split('\n');
    expect(lines).toContain('이 파일은 2026-11-01T09:30:00.000Z에 curator-2님이 가져온 적이 있어요.');
    expect(lines).toContain('추가 예정 (1):');
    expect(lines).toContain('변경 예정 (1):');
    expect(text).toContain('새 출처 https://news.example.com/c');
    expect(lines.at(-1)).toBe('미리보기라서 아무것도 바뀌지 않았어요.');
  });

  it("words a file's problems in English and in Korean", () => {
    const english = problems.map((problem) => importProblemText(problem, translationFor('en-US')));
    expect(english[0]).toBe('bad.csv, row 2, field result "winner": must be won or nominated');
    expect(english[1]).toBe(`bad.csv, row 3, field artist "Stray Kidz": isn't an artist the store knows: to add a new act, give its artist_kind Did you mean Stray Kids?`);
    expect(english[2]).toBe('bad.csv, row 4, field date "2023-06-10": differs from the date the store has for that edition (the store has 2023-06-09)');
    expect(english[3]).toBe("bad.csv, field (file): the file isn't UTF-8 text");
    const korean = importProblemText(problems[1]!, translationFor('ko'));
    expect(korean).toMatch(/^bad\.csv, row 3, artist 항목 "Stray Kidz": 데이터에 없는 아티스트예요\. 새 아티스트라면 artist_kind를 적어 주세요/);
  });

  it('leaves no English written into the code: every other language has none of the English words', () => {
    const plan = plannedFile();
    const english = translationFor('en-US');
    const everyProblem = (Object.keys(problemKeys) as ProblemCode[]).map((code) => ({ file: 'f', row: null, field: 'x', code, value: '1', stored: 'y', suggestions: ['z'] }));
    const wordsOf = (translation: ReturnType<typeof translationFor>) =>
      [
        importPlanText(plan, { dryRun: true }, translation),
        importPlanText(plan, { dryRun: false }, translation),
        ...everyProblem.map((problem) => importProblemText(problem, translation)),
        importAppliedText({ status: 'applied', importId: 7, added: 2, changed: 1 }, translation),
        importAppliedText({ status: 'nothing-to-change' }, translation),
        importRunText(translation).usage,
        importRunText(translation).tooLarge('big.csv', 8),
        importRunText(translation).nothingChanged,
      ].join('\n');
    // The words of the English text once the file's own data is taken out: none may be left in another language.
    const data = /wins\.csv|big\.csv|Nova L?I?ight|Music Bank|MTV Video Music Awards|music-bank|Best K-Pop|1st Place|Stray Kids|S-Class|https:\S+|curator-\d|row \d|artist_kind|ceremony_kind|sha256|CSV|Lightstick|npm run import|--[a-z-]+|<[^>]*>|\[|\]|en-US|es-419|pt-BR|zh-CN|zh-TW/g;
    const englishWords = new Set((wordsOf(english).replace(data, ' ').match(/\p{L}{4,}/gu) ?? []).map((word) => word.toLowerCase()));
    expect(englishWords.size).toBeGreaterThan(40);
    for (const locale of supportedLocales.filter((l) => l !== 'en-US')) {
      const left = (wordsOf(translationFor(locale)).replace(data, ' ').match(/\p{L}{4,}/gu) ?? []).map((word) => word.toLowerCase());
      // Not English left behind: words several languages share (a file, a database, a show, seed files, a browser, a format, a site, a link), and what a
      // file itself holds, which every language quotes as it is (won or nominated, YYYY-MM-DD, http).
      const shared = new Set(['file', 'database', 'show', 'music', 'import', 'terminal', 'name', 'language', 'browser', 'format', 'site', 'link', 'seed', 'nominated', 'yyyy', 'http', 'https']);
      expect(left.filter((word) => englishWords.has(word) && !shared.has(word)), locale).toEqual([]);
    }
  });
});
