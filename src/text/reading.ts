// The vowel each hiragana ends in, to fold long vowels (ー, doubled vowels, おう, えい) into one key.
const VOWEL_ROWS: Record<string, string> = {
  a: 'あかさたなはまやらわがざだばぱぁゃゎ',
  i: 'いきしちにひみりぎじぢびぴぃ',
  u: 'うくすつぬふむゆるぐずづぶぷぅゅゔ',
  e: 'えけせてねへめれげぜでべぺぇ',
  o: 'おこそとのほもよろをごぞどぼぽぉょ',
};
const VOWEL = new Map<string, string>();
for (const [vowel, row] of Object.entries(VOWEL_ROWS)) for (const kana of row) VOWEL.set(kana, vowel);
const PLAIN_VOWEL: Record<string, string> = { あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o' };

/**
 * A key under which spellings of the same reading meet: long vowels written ー, doubled or with
 * う/い (えくそそーむ, えくそそおむ from ekusosoomu; りじちょう, りじちょー) all become one key.
 * Input is hiragana.
 */
export function readingKey(kana: string): string {
  return prefixKeys(kana, 0, kana.length).at(-1) ?? '';
}

/**
 * The reading keys of `kana.slice(start, end)` for every end from start + 1 to `maxEnd`, built in
 * one pass (looking words up at each position of a kana question would otherwise fold the same
 * characters over and over).
 */
export function prefixKeys(kana: string, start: number, maxEnd: number): string[] {
  const keys: string[] = [];
  let key = '';
  let previous = '';
  for (let i = start; i < maxEnd; i++) {
    const char = kana[i] as string;
    const plain = PLAIN_VOWEL[char];
    const lengthens =
      char === 'ー' ||
      (plain !== undefined &&
        (plain === previous || (plain === 'u' && previous === 'o') || (plain === 'i' && previous === 'e')));
    if (!lengthens) {
      key += char;
      previous = VOWEL.get(char) ?? '';
    }
    keys.push(key);
  }
  return keys;
}
