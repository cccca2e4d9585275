import { toRomaji } from 'wanakana';

/**
 * A key under which spellings of the same reading meet: long vowels written ー, doubled or with
 * う/い (えくそそーむ, ekusosoomu → えくそそおむ, りじちょう) all become one romaji key.
 */
export function readingKey(kana: string): string {
  return toRomaji(kana)
    .replace(/[-ー]/g, '')
    .replace(/ou/g, 'o')
    .replace(/ei/g, 'e')
    .replace(/([aeiou])\1+/g, '$1');
}
