import type {
  Answer,
  DocumentTopics,
  KeyPointsAnswer,
  Language,
  Quote,
  SearchAnswer,
  UsageAnswer,
} from '../../src/answer.js';
import { copyAllText, copyReadyText, documentStatusText } from '../../src/citation.js';
import type { DocumentMeta, TextStyle } from '../../src/corpus/types.js';
import { MESSAGES } from '../../src/messages.js';
import { type StyledRun, styledRuns } from '../../src/runs.js';
import { cutInput } from '../../src/text/cut.js';
import type { AdaptiveCard, CardAction, CardElement, RichTextBlock, TextRun } from './card-types.js';
import { entryLabel, introduction, messagesFor } from './messages.js';
import { noMatchText, quotePlainText, renderPlainText } from './plain-text.js';

type RunStyle = Omit<TextRun, 'type' | 'text'>;

// Every text goes into TextRuns: unlike TextBlock, they never interpret Markdown, so the
// statement's verbatim characters (*, <, >) and members' queries are shown exactly as written.
function run(text: string, style: RunStyle = {}): TextRun {
  return { type: 'TextRun', text, ...style };
}

function line(
  text: string,
  style: RunStyle = {},
  block: Omit<RichTextBlock, 'type' | 'inlines'> = {},
): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [run(text, style)], ...block };
}

/**
 * A member's text made inert for Adaptive Card text functions: Teams renders `{{DATE(…)}}` and
 * `{{TIME(…)}}` in a TextRun as a formatted date, so a zero-width space goes between every two
 * adjacent braces. The text looks the same and nothing else changes. Only for what a member typed:
 * the statement is quoted verbatim, and has no `{{`.
 */
export function inertTemplating(text: string): string {
  return text.replace(/\{(?=\{)/g, '{\u200B');
}

/** How much of a member's question a card repeats: a heading, not the question again. */
const ECHO_LENGTH = 60;

/**
 * A member's question as a card repeats it: up to about {@link ECHO_LENGTH} characters, cut at a
 * sentence or word boundary (Intl.Segmenter) or else between characters, with … when cut; inert
 * for Adaptive Card text functions.
 */
export function echoOf(query: string): string {
  const { text, cut } = cutInput(query, ECHO_LENGTH);
  return inertTemplating(cut === undefined ? text : `${text}…`);
}

/** A styled run of the statement as a TextRun: bold highlight, italic, or a link that opens its url. */
function styledRun({ text, bold, italic, url }: StyledRun, base: RunStyle = {}): TextRun {
  return run(text, {
    ...base,
    ...(bold ? { highlight: true, weight: 'Bolder' } : {}),
    ...(italic ? { italic: true } : {}),
    ...(url !== undefined ? { selectAction: { type: 'Action.OpenUrl', url } } : {}),
  });
}

/**
 * The verbatim passage as TextRuns that join back to it exactly: matched terms highlighted and bold,
 * journal names italic, addresses links that open them.
 */
export function quoteRuns(quote: Quote): TextRun[] {
  const { text, styles } = quote.passage;
  return styledRuns(text, quote.highlights, styles).map((r) => styledRun(r));
}

/** One of the passage's references, small and subtle, with its italics and links. */
function referenceLine(reference: string, styles: readonly TextStyle[]): RichTextBlock {
  const base: RunStyle = { size: 'Small', isSubtle: true };
  const inlines = styledRuns(reference, [], styles).map((r) => styledRun(r, base));
  return { type: 'RichTextBlock', inlines, spacing: 'None' };
}

function quoteBlock(quote: Quote, language: Language): CardElement {
  const m = messagesFor(language);
  const items: CardElement[] = [
    { type: 'RichTextBlock', inlines: quoteRuns(quote) },
    line(quote.citation.text[language], { isSubtle: true, size: 'Small' }, { spacing: 'Small' }),
  ];
  const superseded = quote.citation.superseded?.note[language];
  if (superseded !== undefined) {
    items.push(line(superseded, { weight: 'Bolder', size: 'Small' }, { spacing: 'Small' }));
  }
  if (quote.passage.references.length > 0) {
    items.push(
      line(m.references, { weight: 'Bolder', size: 'Small' }, { spacing: 'Small' }),
      ...quote.passage.references.map((ref, i) => referenceLine(ref, quote.passage.referenceStyles[i] ?? [])),
    );
  }
  return { type: 'Container', style: 'emphasis', items, spacing: 'Medium' };
}

function copyAction(quotes: readonly Quote[], language: Language): CardAction {
  return {
    type: 'Action.ShowCard',
    title: messagesFor(language).copy,
    card: {
      type: 'AdaptiveCard',
      body: quotes.map((q, i) => line(copyReadyText([q], language), {}, { separator: i > 0 })),
    },
  };
}

/** "Copy all": asks the bot for every quote of the answer as one copy-ready block (see {@link renderCopyAllCard}). */
function copyAllAction(query: string, language: Language): CardAction {
  return { type: 'Action.Submit', title: messagesFor(language).copyAll, data: { action: 'copy-all', query } };
}

function sourceAction(url: string, language: Language): CardAction {
  return { type: 'Action.OpenUrl', title: messagesFor(language).source, url };
}

function suggestionActions(language: Language): CardAction[] {
  const m = messagesFor(language);
  return [
    { type: 'Action.Submit', title: m.topics, data: { action: 'ask', query: '目次' } },
    { type: 'Action.Submit', title: m.suggestKeyPoints, data: { action: 'ask', query: '要点' } },
  ];
}

function topicsBody(topics: readonly DocumentTopics[], language: Language): CardElement[] {
  const m = messagesFor(language);
  const documents = topics.map((t) => t.document);
  return topics.flatMap((doc) => [
    line(doc.document.title, { weight: 'Bolder' }, { spacing: 'Medium' }),
    line(
      `${doc.document.dateAsWritten} — ${documentStatusText(doc.document, documents, language)}`,
      { isSubtle: true, size: 'Small' },
      { spacing: 'None' },
    ),
    ...doc.sections.flatMap((section): CardElement[] => {
      const heading = language === 'en' ? `${section.headingEn} (${section.heading})` : section.heading;
      return [
        line(heading, { weight: 'Bolder', size: 'Small' }, { spacing: 'Small' }),
        ...section.entries.map((entry) => {
          const label = entryLabel(entry, m);
          const text = label ? `${label}　${entry.firstSentence}` : entry.firstSentence;
          return line(text, { size: 'Small' }, { spacing: 'None' });
        }),
      ];
    }),
  ]);
}

function documentBlock(
  doc: DocumentMeta,
  documents: readonly DocumentMeta[],
  language: Language,
): CardElement {
  return {
    type: 'Container',
    style: 'emphasis',
    items: [
      line(doc.title, { weight: 'Bolder' }),
      line(
        language === 'en' ? doc.titleEn : doc.dateAsWritten,
        { isSubtle: true, size: 'Small' },
        { spacing: 'None' },
      ),
      line(`${doc.issuer[language]}, ${doc.date}`, { isSubtle: true, size: 'Small' }, { spacing: 'None' }),
      line(
        documentStatusText(doc, documents, language),
        { isSubtle: true, size: 'Small' },
        { spacing: 'None' },
      ),
    ],
  };
}

function card(
  body: CardElement[],
  actions: CardAction[],
  answer: Answer,
  fallbackText: string = renderPlainText(answer),
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: answer.language,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    fallbackText,
    msteams: { width: 'Full' },
  };
}

/**
 * The card the search extension inserts into a member's message: one quote with its citation and
 * references, copy-ready text and the source. No heading: the people who read the conversation
 * never saw the search, so 「（1件目／全4件）」 would mean nothing to them.
 */
export function renderInsertedQuote(quote: Quote, answer: Answer): AdaptiveCard {
  const { language } = answer;
  return card(
    [quoteBlock(quote, language)],
    [copyAction([quote], language), sourceAction(quote.citation.url, language)],
    answer,
    quotePlainText(quote, language),
  );
}

function searchCard(answer: SearchAnswer): AdaptiveCard {
  const { quotes, offset, total, query, language } = answer;
  const m = messagesFor(language);
  const from = offset + 1;
  const to = offset + quotes.length;
  const heading =
    quotes.length === 1
      ? m.resultOfOne(echoOf(query), from, total)
      : m.resultOf(echoOf(query), from, to, total);
  const body: CardElement[] = [
    line(heading, { weight: 'Bolder' }),
    ...quotes.map((q) => quoteBlock(q, language)),
  ];
  if (answer.unmatched.length > 0) {
    const note = MESSAGES[language].unmatched(answer.unmatched.map(inertTemplating));
    body.push(line(note, { isSubtle: true, size: 'Small' }));
  }
  const actions: CardAction[] = [];
  if (to < total) {
    actions.push({ type: 'Action.Submit', title: m.next, data: { action: 'next', query, offset: to } });
  }
  if (quotes.length > 0) actions.push(copyAction(quotes, language), copyAllAction(query, language));
  const first = quotes[0];
  if (first) actions.push(sourceAction(first.citation.url, language));
  return card(body, actions, answer);
}

function keyPointsCard(answer: KeyPointsAnswer): AdaptiveCard {
  const { language } = answer;
  const body: CardElement[] = [
    line(messagesFor(language).keyPoints, { weight: 'Bolder' }),
    ...answer.quotes.map((q) => quoteBlock(q, language)),
  ];
  const first = answer.quotes[0];
  const actions = [
    copyAction(answer.quotes, language),
    copyAllAction(answer.query, language),
    ...(first ? [sourceAction(first.citation.url, language)] : []),
  ];
  return card(body, actions, answer);
}

function usageCard(answer: UsageAnswer): AdaptiveCard {
  const { usage, language } = answer;
  const m = MESSAGES[language];
  const body: CardElement[] = [
    line(m.usageTitle, { weight: 'Bolder' }),
    line(introduction(language, usage.examples[0] ?? '上清液')),
    line(m.commands, { weight: 'Bolder', size: 'Small' }, { spacing: 'Medium' }),
    ...usage.commands.map((c) =>
      line(
        `${language === 'en' ? `${c.en} (${c.keyword})` : c.keyword} — ${c.description[language]}`,
        {},
        { spacing: 'None' },
      ),
    ),
    line(m.examples, { weight: 'Bolder', size: 'Small' }, { spacing: 'Medium' }),
    ...usage.examples.map((e) => line(e, {}, { spacing: 'None' })),
  ];
  const actions: CardAction[] = usage.examples.map((e) => ({
    type: 'Action.Submit',
    title: e,
    data: { action: 'ask', query: e },
  }));
  return card(body, actions, answer);
}

function cardFor(answer: Answer): AdaptiveCard {
  const { language } = answer;
  const m = messagesFor(language);
  switch (answer.kind) {
    case 'answer':
      return searchCard(answer);
    case 'key-points':
      return keyPointsCard(answer);
    case 'topics':
      return card(
        [line(m.topics, { weight: 'Bolder' }), ...topicsBody(answer.topics, language)],
        answer.topics.map((t) => sourceAction(t.document.url, language)),
        answer,
      );
    case 'full-text':
      return card(
        [
          line(m.fullText, { weight: 'Bolder' }),
          line(m.fullTextIntro),
          ...answer.documents.map((d) => documentBlock(d, answer.documents, language)),
        ],
        answer.documents.map((d) => sourceAction(d.url, language)),
        answer,
      );
    case 'no-match':
      return card([line(noMatchText(language, echoOf(answer.query)))], suggestionActions(language), answer);
    case 'usage':
      return usageCard(answer);
  }
}

/**
 * Renders any answer of the core as an Adaptive Card 1.5 (pure: same answer, same card), with a note
 * at the end when the input was cut.
 */
export function renderCard(answer: Answer): AdaptiveCard {
  const rendered = cardFor(answer);
  if (answer.inputCut === undefined) return rendered;
  const note = line(MESSAGES[answer.language].inputCut(answer.inputCut), { isSubtle: true, size: 'Small' });
  return { ...rendered, body: [...rendered.body, note] };
}

/**
 * The reply to "Copy all": every quote of the answer (give it every result: `askAll`) as the core's
 * one copy-ready block, in a single TextRun (verbatim, never read as Markdown), and as the fallback
 * text for clients without cards. Undefined for answers that have no quotes.
 */
export function renderCopyAllCard(all: Answer): AdaptiveCard | undefined {
  const text = copyAllText(all);
  if (text === undefined || (all.kind !== 'answer' && all.kind !== 'key-points')) return undefined;
  const heading = messagesFor(all.language).copyAllHeading(all.quotes.length);
  return card([line(heading, { weight: 'Bolder' }), line(text, {}, { spacing: 'Medium' })], [], all, text);
}
