// One rule for caches: whatever is kept of the facts between two questions is kept under the facts
// revision, so that an import, an approval or a withdrawal (from any process) is seen at once.
//
// The test finds every store that outlives a call: a Map, Set or WeakMap (or a `let` named for a
// cache) at module scope or in the closure of a `create...` factory, the project's one way of
// holding state. Each must be listed below, either as keyed on the revision (and then its factory
// reads the revision) or with the reason it holds no facts. A new one that is not listed fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const REVISION = 'keyed on the facts revision';

/** `file#name` of every long-lived store, and how it keeps to the rule. */
const longLived: Record<string, string> = {
  // Caches of facts.
  'db/queries/awards-store.ts#aliasCache': REVISION,
  'db/queries/awards-store.ts#editionCache': REVISION,
  'db/queries/awards-store.ts#awardDayCache': REVISION,
  'db/queries/awards-store.ts#factRefCache': REVISION,
  'src/reply-cache.ts#values': REVISION,
  'src/anniversaries/anniversary-days.ts#days': REVISION,
  // Keyed on their whole content, so a changed fact is a different key, never a stale answer.
  'src/cards/card-painter.ts#cards': 'keyed on the card content itself (every text the card shows)',
  'src/presentation/fact-text.ts#escapedTexts': 'keyed on the text it escapes',
  'src/presentation/translation.ts#writtenDates': 'keyed on the date it writes out',
  'db/queries/fact-writer.ts#writers': 'prepared statements by store, no rows',
  // Trivia questions are written once, when a round is made, and never change after.
  'src/trivia/trivia-game.ts#parsedQuestions': 'a stored question as asked, fixed when its round was made',
  'src/trivia/trivia-game.ts#playing': 'rounds being played, not facts',
  'src/trivia/trivia-game.ts#pendingNotices': 'edits waiting for Discord to answer again, not facts',
  // No facts at all.
  'src/presentation/translation.ts#translations': 'message catalogues',
  'src/command-router.ts#outcomes': 'how each reply ended, for metrics',
  'src/discord/bot.ts#curators': 'configuration',
  'src/discord/bot.ts#inFlight': 'interactions being answered',
  'src/discord/bot.ts#stopSteps': 'shutdown bookkeeping',
  'src/cards/card-text-layout.ts#segmenters': 'Intl segmenters by language',
  'src/cards/card-text-layout.ts#referenceWidths': 'glyph widths of a font',
  'src/cards/card-fonts.ts#registeredPaths': 'font files registered',
  'src/cards/milestone-card.ts#backgrounds': 'drawn backgrounds by size',
  'src/core/zoned-time.ts#formatters': 'Intl formatters by time zone',
  'src/core/zoned-time.ts#offsetCache': 'time-zone offsets',
  'src/anniversaries/post-engine.ts#ticks': 'ticks in progress',
  'src/anniversaries/post-engine.ts#sending': 'posts being sent',
};

function sourceFiles(directory: string): string[] {
  return readdirSync(join(projectRoot, directory), { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const collections = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

function isLongLivedStore(declaration: ts.VariableDeclaration, isLet: boolean): boolean {
  const initializer = declaration.initializer;
  if (initializer && ts.isNewExpression(initializer) && ts.isIdentifier(initializer.expression) && collections.has(initializer.expression.text)) {
    return true;
  }
  return isLet && ts.isIdentifier(declaration.name) && /cache/i.test(declaration.name.text);
}

/** The statements whose declarations outlive a call: the module's, and a `create...` factory's. */
function longLivedScopes(file: ts.SourceFile): { statements: readonly ts.Statement[]; factory: ts.Node | null }[] {
  const scopes: { statements: readonly ts.Statement[]; factory: ts.Node | null }[] = [{ statements: file.statements, factory: null }];
  const visit = (node: ts.Node) => {
    const name =
      ts.isFunctionDeclaration(node) && node.name
        ? node.name.text
        : ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
          ? node.name.text
          : null;
    const body = ts.isFunctionDeclaration(node) ? node.body : ts.isVariableDeclaration(node) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer)) ? node.initializer.body : undefined;
    if (name && /^create[A-Z]/.test(name) && body && ts.isBlock(body)) scopes.push({ statements: body.statements, factory: body });
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return scopes;
}

function findLongLivedStores(): { key: string; readsRevision: boolean }[] {
  const found: { key: string; readsRevision: boolean }[] = [];
  for (const path of ['src', 'db', 'commands'].flatMap(sourceFiles)) {
    const text = readFileSync(join(projectRoot, path), 'utf8');
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    for (const { statements, factory } of longLivedScopes(file)) {
      for (const statement of statements) {
        if (!ts.isVariableStatement(statement)) continue;
        const isLet = (statement.declarationList.flags & ts.NodeFlags.Let) !== 0;
        for (const declaration of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name) || !isLongLivedStore(declaration, isLet)) continue;
          const scopeText = (factory ?? file).getText();
          found.push({ key: `${relative(projectRoot, join(projectRoot, path))}#${declaration.name.text}`, readsRevision: /\brevision\b/.test(scopeText) });
        }
      }
    }
  }
  return found;
}

describe('every cache of facts', () => {
  const found = findLongLivedStores();

  it('is listed, with how it keeps to the rule', () => {
    const unlisted = found.filter((store) => !(store.key in longLived)).map((store) => store.key);
    expect(unlisted, 'long-lived stores to list in this test: keyed on the facts revision, or why they hold no facts').toEqual([]);
  });

  it('keyed on the revision reads it where it is kept', () => {
    const keyed = found.filter((store) => longLived[store.key] === REVISION);
    expect(keyed.map((store) => store.key).sort()).toEqual(Object.keys(longLived).filter((key) => longLived[key] === REVISION).sort());
    expect(keyed.filter((store) => !store.readsRevision).map((store) => store.key)).toEqual([]);
  });

  it('is still where the list says: nothing listed has gone', () => {
    const keys = new Set(found.map((store) => store.key));
    expect(Object.keys(longLived).filter((key) => !keys.has(key))).toEqual([]);
  });
});
