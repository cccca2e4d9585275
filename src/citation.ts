import type { Citation, Language, Quote } from './answer.js';
import type { DocumentMeta, Passage } from './corpus/types.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

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

/**
 * A copy-ready citation of a passage, e.g.
 * 日本細胞外小胞学会「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」（2023年12月25日）見解と提言 第2段落 https://…
 */
export function citePassage(passage: Passage, document: DocumentMeta): Citation {
  const [year, month, day] = document.date.split('-').map(Number) as [number, number, number];
  const where = place(passage);
  return {
    title: document.title,
    issuer: document.issuer.ja,
    date: document.date,
    section: passage.section.heading,
    paragraph: passage.paragraph,
    url: document.url,
    text: {
      ja: `${document.issuer.ja}「${document.title}」（${year}年${month}月${day}日）${where.ja} ${document.url}`,
      en: `${document.issuer.en}, "${document.title}" [${document.titleEn}], ${day} ${MONTHS[month - 1]} ${year}, ${where.en}. ${document.url}`,
    },
  };
}

/**
 * Quotes and their citations as plain text, ready to paste into a document or an e-mail: each
 * passage verbatim, then its citation, quotes separated by a blank line. Every front end's
 * "copy" shows exactly this.
 */
export function copyReadyText(quotes: readonly Quote[], language: Language): string {
  return quotes.map((q) => `${q.passage.text}\n\n${q.citation.text[language]}`).join('\n\n');
}
