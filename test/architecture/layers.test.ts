// The layers, checked with dependency-cruiser against .dependency-cruiser.cjs: core imports no
// Discord, commands or presentation; the store imports nothing above it; presentation imports no
// store; engines are handed their renderers; no cycles.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

function cruise(paths: string[], cwd = projectRoot): { rule: string; from: string; to: string }[] {
  const output = execFileSync(
    process.execPath,
    [
      join(projectRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      ...paths,
      '--config',
      join(projectRoot, '.dependency-cruiser.cjs'),
      '--output-type',
      'json',
    ],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(output) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('the layers', () => {
  it('hold across the whole project: every violation is listed with its rule', () => {
    expect(cruise(['src', 'commands', 'db'])).toEqual([]);
  });

  it('are really checked: a fixture that breaks them fails with the rules by name', () => {
    const rules = new Set(cruise(['src', 'commands', 'db'], join(projectRoot, 'test/architecture/fixture')).map((v) => v.rule));
    expect([...rules].sort()).toEqual(['core-is-pure', 'no-circular', 'presentation-imports-no-store', 'store-imports-nothing-above']);
  });
});
