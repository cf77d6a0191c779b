import actKinds from './act-kinds.json' with { type: 'json' };
import debutThirdSources from './debut-third-sources.json' with { type: 'json' };

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
  /** Show-years the records hold but that are not shown complete, with the reason. */
  notCovered: Record<string, { years: number[]; why: string }>;
  /** Group or soloist, each from a page that says so (act-kinds.json). */
  actKinds: CitedFinding<{ kind: 'group' | 'soloist' }>[];
  /** A third source for a debut date the compilation and kpopnet.json give differently (debut-third-sources.json). */
  debutThirdSources: CitedFinding<{ date: string }>[];
}

/** A fact found on a page read for the conversion, with the page. */
export type CitedFinding<T> = T & { name: string; url: string; title: string; outlet: string; publishedOn: string | null; evidence: string };

export const editorial: ActEditorial = {
  sameAct: {
    // (The compilation's own list of aliases joins BigBang, Akdong Musician, TXT and Kim Woo Seok
    // to their other names; these are the ones it does not list.)
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
  },
  slug: {},
  displayName: {},
  kind: {},
  settled: {},
  notCovered: {
    'the-show': { years: [2014], why: 'eight wins recorded for the year, far fewer than a year of weekly episodes: not shown complete' },
  },
  actKinds: actKinds as ActEditorial['actKinds'],
  debutThirdSources: debutThirdSources as ActEditorial['debutThirdSources'],
};
