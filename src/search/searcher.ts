import type { Corpus } from '../corpus/load.js';
import { normalize } from '../text/normalize.js';
import { piecesOf } from '../text/pieces.js';
import { type SubjectDetector, subjectDetector } from './domain.js';
import { askingPart, focusOnTheQuestion } from './focus.js';
import { buildSearchIndex, type SearchIndex } from './index.js';
import type { Judge } from './judge.js';
import { labelledTexts, similarityIndexOf } from './prepared.js';
import {
  type AnalyzedQuery,
  analyzeQuery,
  type Concept,
  conceptsNameATerm,
  namesStatementTerm,
} from './query.js';
import { compileScope, type ScopeCheck } from './scope.js';
import { type Hit, type SubjectSignals, searchIndex } from './search.js';
import { buildSimilarityIndex, similarityOf } from './similar.js';
import { asksTheSocietysView } from './view-asked.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

/** Everything search decided about a query, for answers and for `--explain`. */
export interface SearchOutcome {
  readonly analyzed: AnalyzedQuery;
  /** Names and cues of the statement's subject; `bridges`: everyday glossary words count as evidence. */
  readonly subject: SubjectSignals & { readonly bridges: boolean };
  /** The reviewed kind of question the statement never answers that the query is, if any (a feature of the judge). */
  readonly scope?: string;
  /** Every candidate, best first. */
  readonly hits: readonly Hit[];
  /** The judge's bar: a candidate whose probability reaches it answers. */
  readonly threshold: number;
}

/** Searches a corpus: analysis, the subject gate, the scope check, candidates and the judge. */
export interface Searcher {
  (query: string): SearchOutcome;
  readonly index: SearchIndex;
  readonly vocabulary: Vocabulary;
  /** The reviewed kinds of question the statement never answers, compiled once (see scope.ts). */
  readonly outOfScope: ScopeCheck;
}

/**
 * Everyday glossary words bridge to the statement's terms only beside its subject: a name or a cue
 * of it (病院, particle), or two of them, each pointing at a term (他人の細胞 and 拒否反応: 他家 and
 * 免疫). One alone is no evidence (美容院の予約 is not 自由診療).
 */
const bridgesAllowed = (s: SubjectSignals, concepts: readonly Concept[]): boolean =>
  s.names > 0 || s.cues >= 1 || concepts.filter(bridgesToATerm).length >= 2;

const bridgesToATerm = (c: Concept): boolean =>
  c.alternatives.some((a) => a.bridge && a.source === 'glossary');

/** A concept without the forms everyday words and synonyms bridge to. */
const withoutBridges = (concept: Concept): Concept => ({
  ...concept,
  alternatives: concept.alternatives.filter((a) => !a.bridge),
});

/** Whether a question was typed in kana or romaji: no kanji or katakana typed, and read into kana. */
const typedInKana = (query: string, read: string): boolean =>
  !/[\p{Script=Han}\p{Script=Katakana}]/u.test(query.normalize('NFKC')) &&
  /\p{Script=Hiragana}{2}/u.test(read);

/**
 * What a question asks, in the statement's words: each concept as its weightiest form that is not
 * an everyday bridge (上清液 for じょうせいえき), else as typed.
 */
function inStatementWords(concepts: readonly Concept[]): string {
  return concepts
    .map((c) => {
      const forms = c.alternatives.filter((a) => !a.typed && !a.bridge);
      return forms.reduce(
        (best, a) => (a.weight > best.weight ? a : best),
        forms[0] ?? { text: c.label, weight: 0 },
      ).text;
    })
    .join(' ');
}

/** Whether a concept names the statement's subject by a form that is no everyday bridge (エクソゾーム, EV). */
const namesTheSubject = (c: Concept, subjectOf: SubjectDetector): boolean =>
  c.alternatives.some((a) => !a.bridge && subjectOf.isName(a.text));

/**
 * The pieces of a question that ask (see {@link askingPart}), when they name a term of the statement
 * or its subject, and the labels of the concepts searched: theirs, and the statement's subject named
 * in an aside (エクソソーム治療を特集するにあたり、), which the question asks about even when the piece
 * that asks names only an attribute of it (有効性). Undefined both when the whole question asks.
 */
function theAskingPart(
  query: string,
  concepts: readonly Concept[],
  vocabulary: Vocabulary,
  subjectOf: SubjectDetector,
): { asking: string | undefined; labels: Set<string> | undefined } {
  const partsRead = new Map<string, readonly Concept[]>();
  const conceptsOf = (part: string): readonly Concept[] => {
    const known = partsRead.get(part);
    if (known) return known;
    const read = analyzeQuery(part, vocabulary).concepts;
    partsRead.set(part, read);
    return read;
  };
  const asking = askingPart(
    query,
    (part) => conceptsNameATerm(conceptsOf(part), vocabulary) || subjectOf(part).names > 0,
  );
  if (asking === undefined) return { asking, labels: undefined };
  const subject = concepts.filter((c) => !c.meta && namesTheSubject(c, subjectOf));
  return { asking, labels: new Set([...conceptsOf(asking), ...subject].map((c) => c.label)) };
}

/** Builds the index, vocabulary, subject detector and scope check of a corpus once. */
export function createSearcher(corpus: Corpus, judge: Judge): Searcher {
  const index = buildSearchIndex(corpus.passages);
  const vocabulary = buildVocabulary({
    glossary: corpus.glossary,
    synonyms: corpus.synonyms,
    lexicon: corpus.lexicon,
    texts: corpus.passages.map((p) => index.normalized(p.id)),
  });
  const subjectOf = subjectDetector(corpus.domain);
  // The build's snapshot keeps the similarity index (made from these very files and this code).
  const similarity = similarityOf(
    corpus.prepared ? similarityIndexOf(corpus.prepared) : buildSimilarityIndex(labelledTexts(corpus)),
  );
  const outOfScope = compileScope(corpus.outOfScope);
  const namesATerm = (sentence: string) => namesStatementTerm(sentence, vocabulary);
  const search = (asked: string): SearchOutcome => {
    // What is asked is searched.
    const query = focusOnTheQuestion(asked, namesATerm);
    const analyzed = analyzeQuery(query, vocabulary);
    const typed = subjectOf(query);
    const read = subjectOf(analyzed.normalized);
    // A name reached through a spelling, reading or technical translation (えくそそむ, エクソゾーム),
    // or the society or its statement named (the society, 学会, 見解): the statement's own subject.
    const named = analyzed.concepts.filter((c) => c.meta || namesTheSubject(c, subjectOf)).length;
    const signals = {
      names: Math.max(typed.names, read.names, named),
      cues: Math.max(typed.cues, read.cues),
    };
    const bridges = bridgesAllowed(signals, analyzed.concepts);
    const subject = { ...signals, bridges };
    const { asking, labels: askedLabels } = theAskingPart(query, analyzed.concepts, vocabulary, subjectOf);
    // The kinds of question the statement never answers are read in what is asked: an aside about
    // the asker (a researcher in Osaka, readers' inquiries) asks for no address or contact.
    const askingText = normalize(asking ?? query);
    const scope = outOfScope(askingText);
    const threshold = judge.threshold;
    const all = bridges ? analyzed.concepts : analyzed.concepts.map(withoutBridges);
    const concepts = askedLabels === undefined ? all : all.filter((c) => askedLabels.has(c.label));
    const hits = searchIndex(
      index,
      { ...analyzed, concepts },
      {
        subject: signals,
        bridges,
        // A question typed in kana or romaji shares no characters with the reviewed questions, which
        // write the statement's words in kanji: it is compared as those words.
        closeness: similarity(
          typedInKana(query, analyzed.normalized) ? inStatementWords(concepts) : (asking ?? query),
        ),
        outOfScope: scope !== undefined,
        asksTheSocietysView: asksTheSocietysView(askingText),
        pieces: Math.max(1, piecesOf(asked).length),
        judge,
      },
    );
    return {
      analyzed: { ...analyzed, concepts },
      subject,
      ...(scope === undefined ? {} : { scope }),
      hits,
      threshold,
    };
  };
  return Object.assign(search, { index, vocabulary, outOfScope });
}
