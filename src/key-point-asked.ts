// Which key point a question asks for when it names one (要点の1つ目, 2つ目のポイント, 最後の要点,
// "the second key point"): that one is quoted, not both.

const POINT = '(?:要点|ポイント|ようてん)';
const DIGIT = '([12一二]|ひと|ふた)';
const COUNTER = '(?:つ目|つめ|番目|点目|項目|番)';

// Each pattern's first group is the number; matched on normalised text (NFKC, lower case).
const NUMBERED: readonly RegExp[] = [
  // 要点1, 要点の1つ目, 要点の第2 (not 要点を2行で: a length, not a number).
  new RegExp(`${POINT}の?第?([12一二])${COUNTER}?(?![0-9０-９行点文つ])`, 'u'),
  new RegExp(`第?${DIGIT}${COUNTER}の?${POINT}`, 'u'),
  /\b(first|1st|second|2nd)(?: key)? point\b/u,
  /\bkey point (?:no\.? ?|number |#)?([12])\b/u,
];
const FIRST = new RegExp(`(?:最初|はじめ|初め)の?${POINT}`, 'u');
const LAST = new RegExp(`(?:最後|最終|後者)の?${POINT}|\\blast(?: key)? point\\b`, 'u');

/** The words that say which key point, for intent detection to set aside with the cue. */
export const KEY_POINT_ORDINALS =
  /第?[12一二](?:つ目|つめ|番目|点目|項目|番)|第[12一二]|(?<![0-9])[12](?![0-9月日年行点文つ])|(?:ひと|ふた)(?:つ目|つめ)|最初|はじめ|初め|最後|最終|後者|\b(?:first|1st|second|2nd|last|no|number)\b/gu;

const NUMBER: Readonly<Record<string, number>> = {
  '1': 1,
  一: 1,
  ひと: 1,
  first: 1,
  '1st': 1,
  '2': 2,
  二: 2,
  ふた: 2,
  second: 2,
  '2nd': 2,
};

/** Which key point the question names, 1-based, or 'last'; undefined when it names none. */
export function keyPointAsked(normalized: string): number | 'last' | undefined {
  if (LAST.test(normalized)) return 'last';
  if (FIRST.test(normalized)) return 1;
  for (const pattern of NUMBERED) {
    const number = NUMBER[pattern.exec(normalized)?.[1] ?? ''];
    if (number !== undefined) return number;
  }
  return undefined;
}
