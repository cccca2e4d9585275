import type { WholeIntent } from './intent-words.js';
import { FEATURE_NAMES } from './search/features.js';
import type { SearchOutcome } from './search/searcher.js';

/** How a question was read, and why it got the answer it got: for the people who keep the corpus. */
export interface Explanation {
  readonly query: string;
  /** The question as its words were read (normalised, romaji as kana, frames removed). */
  readonly read: string;
  /** The whole-statement intent that answers it, if any (then nothing else was searched). */
  readonly intent?: WholeIntent;
  /** The reviewed kind of question the statement never answers that caught it, if any. */
  readonly scope?: string;
  /** Names and cues of the statement's subject found, and whether everyday words bridge to its terms. */
  readonly subject: { readonly names: number; readonly cues: number; readonly bridges: boolean };
  readonly concepts: readonly {
    readonly label: string;
    readonly meta: boolean;
    readonly specificity: number;
    /** Each form it may take, and where the form comes from (typed, glossary, synonym, reading, spelling). */
    readonly forms: readonly {
      readonly text: string;
      readonly source: string;
      readonly weight: number;
      readonly bridge: boolean;
    }[];
  }[];
  /** Every candidate passage, best first, with the judge's probability and inputs. */
  readonly candidates: readonly {
    readonly id: string;
    readonly score: number;
    readonly probability: number;
    readonly answers: boolean;
    readonly features: Readonly<Record<string, number>>;
    /** Where each concept weighed was found: in the passage's text, or only in its reviewed questions. */
    readonly found: readonly { readonly label: string; readonly in: 'text' | 'questions' | 'nowhere' }[];
  }[];
  readonly threshold: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The explanation of a search outcome (or of an intent, which searches nothing). */
export function explainOutcome(
  query: string,
  intent: WholeIntent | undefined,
  outcome: SearchOutcome,
): Explanation {
  return {
    query,
    read: outcome.analyzed.normalized,
    ...(intent === undefined ? {} : { intent }),
    ...(outcome.scope === undefined ? {} : { scope: outcome.scope }),
    subject: outcome.subject,
    concepts: outcome.analyzed.concepts.map((c) => ({
      label: c.label,
      meta: c.meta,
      specificity: round(c.specificity),
      forms: c.alternatives.map((a) => ({
        text: a.text,
        source: a.source,
        weight: round(a.weight),
        bridge: a.bridge,
      })),
    })),
    candidates:
      intent !== undefined
        ? []
        : outcome.hits.map((hit) => ({
            id: hit.id,
            score: round(hit.score),
            probability: round(hit.probability),
            answers: hit.answers,
            features: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, round(hit.features[i] ?? 0)])),
            found: hit.weighed.map((w) => ({
              label: w.concept.label,
              in: w.inText > 0 ? 'text' : w.inTextOrQuestions > 0 ? 'questions' : 'nowhere',
            })),
          })),
    threshold: outcome.threshold,
  };
}
