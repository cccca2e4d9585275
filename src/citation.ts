import type { Answer, Citation, Language, Quote } from './answer.js';
import type { DocumentMeta, Passage } from './corpus/types.js';
import { MESSAGES, writtenDate } from './messages.js';

function place(passage: Passage): { ja: string; en: string } {
  const { section, paragraph, kind } = passage;
  switch (kind) {
    case 'signature':
      return { ja: section.heading, en: section.headingEn };
    case 'key-point':
      return {
        ja: `${section.heading} 第${paragraph}項`,
        en: `${section.headingEn} (${section.heading}), point ${paragraph}`,
      };
    case 'paragraph':
      return {
        ja: `${section.heading} 第${paragraph}段落`,
        en: `${section.headingEn} (${section.heading}), paragraph ${paragraph}`,
      };
  }
}

/** "Superseded on DATE by TITLE", in each language: the date is the successor's. */
function supersededNote(successor: DocumentMeta): { ja: string; en: string } {
  const note = (language: Language) =>
    MESSAGES[language].superseded(writtenDate(successor.date, language), successor.title, successor.titleEn);
  return { ja: note('ja'), en: note('en') };
}

/**
 * A copy-ready citation of a passage, e.g.
 * 日本細胞外小胞学会「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」（2023年12月25日）見解と提言 第2段落 https://…
 * A passage of a superseded document also says which document replaces it (`successor`).
 */
export function citePassage(passage: Passage, document: DocumentMeta, successor?: DocumentMeta): Citation {
  const where = place(passage);
  return {
    title: document.title,
    issuer: document.issuer.ja,
    date: document.date,
    section: passage.section.heading,
    paragraph: passage.paragraph,
    url: document.url,
    text: {
      ja: `${document.issuer.ja}「${document.title}」（${writtenDate(document.date, 'ja')}）${where.ja} ${document.url}`,
      en: `${document.issuer.en}, "${document.title}" [${document.titleEn}], ${writtenDate(document.date, 'en')}, ${where.en}. ${document.url}`,
    },
    status: document.status,
    ...(document.status === 'superseded' && successor
      ? { superseded: { by: successor.id, note: supersededNote(successor) } }
      : {}),
  };
}

/**
 * How 目次 and 全文 name a document's standing: 現行 (current), or, for a superseded one, which
 * document replaced it and when (its successor is looked up among `documents`).
 */
export function documentStatusText(
  document: DocumentMeta,
  documents: readonly DocumentMeta[],
  language: Language,
): string {
  const successor = documents.find((d) => d.id === document.supersededBy);
  if (document.status === 'current' || !successor) return MESSAGES[language].status[document.status];
  return supersededNote(successor)[language];
}

/**
 * One quote as plain text: the passage verbatim, then its citation, the superseded line when its
 * document was replaced, and the references the passage itself cites.
 */
function quoteText(quote: Quote, language: Language): string {
  const lines = [quote.citation.text[language]];
  const note = quote.citation.superseded?.note[language];
  if (note !== undefined) lines.push(note);
  const { references } = quote.passage;
  if (references.length > 0) lines.push(`${MESSAGES[language].references}: ${references.join(' / ')}`);
  return `${quote.passage.text}\n\n${lines.join('\n')}`;
}

/**
 * Quotes and their citations as plain text, ready to paste into a document or an e-mail: each
 * passage verbatim (as published, whatever the language) with its citation in `language`, the
 * superseded line when there is one and its own references, quotes in the order given, separated by
 * a blank line. Every front end's "copy" of one passage and "copy all" of an answer show exactly this.
 */
export function copyReadyText(quotes: readonly Quote[], language: Language): string {
  return quotes.map((q) => quoteText(q, language)).join('\n\n');
}

/**
 * "Copy all": every quote of an answer in ranked order as one copy-ready block (see
 * {@link copyReadyText}); undefined for an answer that quotes nothing. Give it the answer with all
 * its results (`askAll` in retriever.ts), not the page a front end shows.
 */
export function copyAllText(answer: Answer): string | undefined {
  if (answer.kind !== 'answer' && answer.kind !== 'key-points') return undefined;
  return copyReadyText(answer.quotes, answer.language);
}
