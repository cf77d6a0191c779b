// Seeds the store from the data files in seeds/ (the project's own, unless another folder is given).
import { join } from 'node:path';
import type { LightstickDatabase } from '../database.js';
import { projectRoot } from '../project-root.js';
import { applySeeds, type ApplySeedsResult } from './apply-seeds.js';
import { readSeedDirectory } from './read-seeds.js';

export const defaultSeedDirectory = join(projectRoot, 'seeds');

export function seedStore(
  db: LightstickDatabase,
  options: { directory?: string; force?: boolean } = {},
): ApplySeedsResult {
  const set = readSeedDirectory(options.directory ?? defaultSeedDirectory);
  return applySeeds(db, set, { force: options.force ?? false });
}
