// IPADIC through kuromoji (npm @patdx/kuromoji, a maintained fork): readings and word costs of the
// corpus's words. Used only by the extraction script, never at run time.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TokenizerBuilder } from '@patdx/kuromoji';
import NodeDictionaryLoader from '@patdx/kuromoji/node';

/** One IPADIC word as the tokenizer chose it. */
export interface Morpheme {
  readonly surface: string;
  /** 名詞, 動詞, … with its three sub-categories, comma-joined (e.g. 名詞,一般,*,*). */
  readonly pos: string;
  readonly basicForm: string;
  /** Katakana, or undefined for a word IPADIC does not know. */
  readonly reading: string | undefined;
  /** IPADIC word cost; undefined for a word IPADIC does not know. */
  readonly cost: number | undefined;
}

export interface Analyzer {
  analyze(text: string): Morpheme[];
}

/** Loads IPADIC (~2 s, ~200 MB) and returns an analyzer over it. */
export async function createAnalyzer(): Promise<Analyzer> {
  // The package ships its dictionary in dict/, beside build/ (its entry point).
  const entry = fileURLToPath(import.meta.resolve('@patdx/kuromoji'));
  const tokenizer = await new TokenizerBuilder({
    loader: new NodeDictionaryLoader({ dic_path: join(dirname(entry), '..', 'dict') }),
  }).build();
  const dictionary = tokenizer.token_info_dictionary;
  return {
    analyze(text) {
      return tokenizer.tokenize(text).map((token): Morpheme => {
        const known = token.word_type === 'KNOWN';
        const pos = [token.pos, token.pos_detail_1, token.pos_detail_2, token.pos_detail_3].join(',');
        const reading = known && token.reading && token.reading !== '*' ? token.reading : undefined;
        const cost = known ? dictionary.dictionary.getShort(token.word_id + 4) : undefined;
        return {
          surface: token.surface_form,
          pos,
          basicForm: token.basic_form === '*' ? token.surface_form : token.basic_form,
          reading,
          cost,
        };
      });
    },
  };
}
