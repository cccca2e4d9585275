/** Whether a document states the society's position now, or was replaced by a later one. */
export type DocumentStatus = 'current' | 'superseded';

/** A published document, as described by its front matter. */
export interface DocumentMeta {
  /** Stable identifier, e.g. `jsev-2023-12-25`. */
  readonly id: string;
  readonly title: string;
  /** An English rendering of the title, for English citations (not an official translation). */
  readonly titleEn: string;
  readonly issuer: { readonly ja: string; readonly en: string };
  /** Publication date as YYYY-MM-DD. */
  readonly date: string;
  /** The date as printed on the document (e.g. 令和5年12月25日). */
  readonly dateAsWritten: string;
  readonly url: string;
  readonly language: string;
  /** The file it was loaded from, relative to the corpus folder. */
  readonly file: string;
  /** `current` unless the front matter says `superseded`. */
  readonly status: DocumentStatus;
  /** For a superseded document: the id of the document that replaces it (one of the corpus). */
  readonly supersededBy?: string;
  /** The id of the passage that tells of the issuer itself (what it is and does), if one does. */
  readonly aboutTheIssuer?: string;
  /** The id of the passage that tells what prompted the document, if one does. */
  readonly occasion?: string;
}

/** A section of a document: its heading as written, and the English name used in English citations. */
export interface Section {
  /** Short id from the heading attributes (`{#p}`), used to build passage keys. */
  readonly id: string;
  readonly heading: string;
  readonly headingEn: string;
  /** True when the heading is ours (e.g. 署名), not printed in the document. */
  readonly editorial: boolean;
}

/**
 * How the published text styles a span of a passage: an italic journal name, or a link (the address
 * printed in the text, or a label that points at `url`). Offsets are UTF-16 code units into the text.
 */
export interface TextStyle {
  readonly start: number;
  readonly end: number;
  readonly style: 'italic' | 'link';
  /** Where a link points. */
  readonly url?: string;
}

export type PassageKind = 'key-point' | 'paragraph' | 'signature';

/** The unit the bot quotes: one key point, one paragraph, or the signature. */
export interface Passage {
  /** Stable across releases: `${documentId}/${key}`. */
  readonly id: string;
  /** Section id plus paragraph number (`p2`), or the section id alone when it holds one block (`sig`). */
  readonly key: string;
  readonly documentId: string;
  readonly kind: PassageKind;
  readonly section: Section;
  /** 1-based position within its section. */
  readonly paragraph: number;
  /** The verbatim text as published: plain text, no markup. */
  readonly text: string;
  /** Italics and links of the published text, as spans of `text` (in order, never overlapping). */
  readonly styles: readonly TextStyle[];
  /** What the passage itself cites, as written in it (plain text, each a piece of `text`). */
  readonly references: readonly string[];
  /** The styles within each reference, at offsets into that reference (same order as `references`). */
  readonly referenceStyles: readonly (readonly TextStyle[])[];
  /**
   * Questions the passage answers, in Japanese and English, as members ask them (reviewed, from the
   * document's front matter). A way in for search; never quoted.
   */
  readonly questions: readonly string[];
}

export interface CorpusDocument {
  readonly meta: DocumentMeta;
  readonly sections: readonly Section[];
  readonly passages: readonly Passage[];
}
