// Seeds the store from the data files in seeds/ (the project's own, unless another folder is given).
import { join } from 'node:path';
import type { LightstickDatabase } from '../database.js';
import { projectRoot } from '../project-root.js';
import { applySeeds, loadedSeedDigest, type ApplySeedsResult } from './apply-seeds.js';
import { readSeedFiles, readSeedTexts, seedDigest } from './read-seeds.js';

export const defaultSeedDirectory = join(projectRoot, 'seeds');

export function seedStore(
  db: LightstickDatabase,
  options: { directory?: string; force?: boolean } = {},
): ApplySeedsResult {
  const files = readSeedTexts(options.directory ?? defaultSeedDirectory);
  // Files the store loaded already were checked then: a start with nothing changed skips reading
  // them again (for the catalogue, most of a start's time).
  if (!options.force && loadedSeedDigest(db) === seedDigest(files)) return { loaded: false };
  return applySeeds(db, readSeedFiles(files), { force: options.force ?? false });
}
