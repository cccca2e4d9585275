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
  /** Every IPADIC word (surface, part of speech, reading, cost), in dictionary order. */
  words(): Iterable<Morpheme>;
}

// A dictionary entry is 10 bytes: left id, right id, cost (2 bytes each), then where its features
// ("surface,pos,…,basic form,reading,pronunciation") start.
const ENTRY_BYTES = 10;

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
    *words() {
      const buffer = dictionary.dictionary;
      for (let id = 0; id + ENTRY_BYTES <= buffer.buffer.length; id += ENTRY_BYTES) {
        const [surface = '', p0, p1, p2, p3, , , basic, reading] = dictionary
          .getFeatures(String(id))
          .split(',');
        if (surface === '') continue;
        yield {
          surface,
          pos: [p0, p1, p2, p3].join(','),
          basicForm: basic && basic !== '*' ? basic : surface,
          reading: reading && reading !== '*' ? reading : undefined,
          cost: buffer.getShort(id + 4),
        };
      }
    },
  };
}
