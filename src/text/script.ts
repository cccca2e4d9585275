// Character classes used by the analyser. Kanji and katakana carry the content of Japanese text;
// hiragana is mostly grammar (particles, endings), so it separates terms rather than forming them.
export const CJK_RUN = /[\p{Script=Han}\p{Script=Katakana}ー々〆ヶ]+/gu;
export const LATIN_RUN = /[\p{Script=Latin}\p{Nd}]+/gu;

/** Katakana as hiragana (エクソソーム → えくそそーむ): how a member may type the same word. */
export function toHiragana(katakana: string): string {
  return katakana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Latin words compare without accents: fernández = fernandez. */
export function foldLatin(word: string): string {
  return /[^ -~]/.test(word) ? word.normalize('NFD').replace(/\p{M}/gu, '') : word;
}

// Dashes typed for the long-vowel mark ー (エクソソ―ム with U+2015, ‐ U+2010, − U+2212, ASCII -).
const DASH_AFTER_KANA =
  /(?<=[\p{Script=Katakana}\p{Script=Hiragana}ー])[-\u2010-\u2015\u2212\u2500\u2501\uff0d\uff70]/gu;

/** A dash right after kana is the long-vowel mark ー: エクソソ―ム → エクソソーム. */
export function foldDashes(text: string): string {
  return text.replace(DASH_AFTER_KANA, 'ー');
}
