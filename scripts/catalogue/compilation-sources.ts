// Which public compilations the founding catalogue is converted from: repository, path and commit,
// so that anyone can fetch the same files and rerun the conversion. The files themselves are never
// committed; only the facts converted into seeds/ are.

export interface CompilationFile {
  repository: string;
  path: string;
  commit: string;
  licence: string;
}

export const musicShowWinsFile: CompilationFile = {
  repository: 'badmagick329/musicshowwins',
  path: 'musicshowwins/main/data/bootstrap.json',
  commit: '187cf2f3acd066989ce43f31ff74c041dc0f69f8',
  licence: 'MIT (the compilation); the facts come from Wikipedia, CC BY-SA 4.0',
};

export const artistDebutsFile: CompilationFile = {
  repository: 'badmagick329/musicshowwins',
  path: 'musicshowwins/main/data/artist_debuts.json',
  commit: '40a2e604bd58d67490e23833b251d4d889fcb23a',
  licence: 'MIT (the compilation); each row names its Wikipedia or Wikidata source',
};

/** The npm package kpopnet.json: Hangul names, debut dates and members of girl groups, CC0. */
export const kpopnetPackage = { name: 'kpopnet.json', version: '2.0.5', file: 'kpopnet.json', licence: 'CC0-1.0' } as const;

/** An independent compilation over 2023 to 2025, used only to check the first one. */
export const crossCheckFiles = {
  repository: 'ccaban6/love-dive-into-kpop-music-show-winners',
  commit: 'fc0342dd3454f5e03d49eb0b0b905c61afedd2fd',
  /** data/tables/<year>_<show>.csv, one file per show and year. */
  folder: 'data/tables',
  shows: {
    inkigayo: 'Inkigayo',
    'm-countdown': 'M_Countdown',
    'music-bank': 'Music_Bank',
    'the-show': 'Show',
    'show-champion': 'Show_Champion',
    'show-music-core': 'Show_Music_Core',
  } as Record<string, string>,
  years: [2023, 2024, 2025],
};
