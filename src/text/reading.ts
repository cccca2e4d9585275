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
  let key = '';
  let previous = '';
  for (const char of kana) {
    const plain = PLAIN_VOWEL[char];
    const lengthens =
      char === 'ー' ||
      (plain !== undefined &&
        (plain === previous || (plain === 'u' && previous === 'o') || (plain === 'i' && previous === 'e')));
    if (lengthens) continue;
    key += char;
    previous = VOWEL.get(char) ?? '';
  }
  return key;
}
