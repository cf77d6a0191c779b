// The conversion's editorial decisions: where a name in the compilation needs a person's judgement,
// it is written down here with its reason, so that a rerun makes the same decisions and a reviewer
// can check each one. Anything not listed is decided by rule (music-show-catalogue.ts).

export interface ActEditorial {
  /** A cleaned name -> the name of the act it is (one act under two spellings or names). */
  sameAct: Record<string, string>;
  /** Names that stay acts of their own even where their debut row cites another act's article. */
  keptApart: string[];
  /** Names that are acts although they contain "&", "and" or "X". */
  acts: string[];
  /** Names that are collaborations the separators would not find, with their credited acts. */
  collaborations: Record<string, string[]>;
  /** The debut row of a name whose compilation slug differs from the rule. */
  debutRow: Record<string, string>;
  /** A store slug other than the rule's, to match an artist already in the seeds. */
  slug: Record<string, string>;
  /** A display name other than the compilation's. */
  displayName: Record<string, string>;
  /** Group or soloist, for an act no rule decides, with the source that says so. */
  kind: Record<string, { kind: 'group' | 'soloist'; source: string }>;
  /**
   * Episodes the two compilations disagree on, by "<show>|<date>", and how a third source settled
   * each: "Kept: ..." keeps the first compilation's winner; anything else leaves the episode out.
   */
  settled: Record<string, string>;
}

export const editorial: ActEditorial = {
  sameAct: {
    // The compilation lists the same act under both names; its debut rows and the issue that asked
    // for this catalogue name them as one.
    'Tomorrow X Together': 'TXT',
    BigBang: 'Big Bang',
    // WJSN's article is the debut row of "Cosmic Girls"; kpopnet.json gives Cosmic Girls as WJSN's alias.
    'Cosmic Girls': 'WJSN',
    // Both debut rows cite the article "Highlight (band)" (Wikidata Q269595): the act renamed itself.
    Beast: 'Highlight',
  },
  // The debut row of Exo-K cites EXO's own article; Exo-K is EXO's subunit, an act of its own.
  keptApart: ['Exo-K'],
  acts: [],
  collaborations: {},
  debutRow: {
    WJSN: 'cosmic-girls',
    'Kim Sung Kyu': 'kim-sung-kyu-2',
    TXT: 'tomorrow-x-together',
  },
  slug: {},
  displayName: {},
  kind: {},
  settled: {},
};
