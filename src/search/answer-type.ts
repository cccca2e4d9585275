// What kind of answer a question wants (a person, a time, a place, a number) and whether a passage
// can give one: a passage without any person cannot answer "who", whatever words it shares.

/** The kinds of answer told apart. */
const ANSWER_TYPES = ['person', 'time', 'place', 'count', 'specifics'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

// Where an English question word asks (who signed, "…, and when?", by whom), not where it joins a
// clause to a noun (patients who receive, the part where they say, risks when a clinic sells).
const ASKING = String.raw`(?:^|[.?!:;,(—–"]\s*|\b(?:and|or|but|by|to|with|from|for|on|know|me|wonder|asking|exactly|just)\s+)`;
const english = (words: string, after = ''): string => String.raw`${ASKING}(?:${words})\b${after}`;

// Question words of each kind, on normalised text (NFKC, lower case). 誰も/誰にも is nobody, いつか
// someday, どこまで how far, どこか somewhere, どこが問題 which aspect: no person, time or place.
const ASKS: Record<AnswerType, RegExp> = {
  person: new RegExp(`誰(?!に?も|でも)|だれ(?!に?も)|どなた|どちら様|${english('who|whom|whose')}`, 'u'),
  time: new RegExp(
    String.raw`いつ(?!か(?!ら)|も)|何年|なんねん|何月|何日|何時|${english('when', String.raw`(?=\s*(?:[?,.]|$|(?:was|were|did|does|do|is|are|will|has|have|had)\b))`)}|\bwhat (year|date|time)\b|\bhow long ago\b|\bhow many (years|months|days)\b`,
    'u',
  ),
  place: new RegExp(
    String.raw`(?:どこ|何処)(?!まで|か|が(?:問題|悪|おかし|違|ダメ|だめ|危|不適切|まず))|何県|どの国|${english('where', '(?! possible)')}|\bwhich (country|city|place)\b`,
    'u',
  ),
  // How many or how much of something (years and months are a time): a count or an amount.
  count:
    /何人|何名|何件|何社|何種類|何個|何本|何回|いくつ(?!もり)|金額|予算額|\bhow many\b(?! (years|months|days))|\bnumber of\b|\bhow much (money|funding|funds|budget)\b/u,
  // The particulars of something (its exact requirements, which companies, a list): a position
  // statement names none.
  specifics:
    /具体的な(基準|要件|条件|手順|方法|内容|数|名前|製品|会社)|詳細な|一覧|社名|(会社|メーカー|企業|製品|商品)の名前|どの(会社|メーカー|企業)|\b(specific|exact|detailed) ([\w-]+ ){0,2}(requirements?|rules?|criteria|steps|figures?|numbers?|names?|products?|companies)\b|\blist of\b|\bnames? of (the )?(companies|products|clinics|manufacturers|members)\b|\bwhich (companies|products|brands|manufacturers|cdmos?)\b/u,
};

// What a passage holds of each kind, on its normalised text.
const HOLDS: Record<AnswerType, RegExp> = {
  // A name: the signature's, or authors cited as "Surname X, et al." / "Surname X et al.".
  person: /\p{Script=Latin}+ \p{Lu}{1,2},? et al/u,
  time: /\d{4}|令和|平成|\d+ ?月|\d+ ?年/u,
  place: /日本|我が国|国内|海外|欧米|東京|世界/u,
  // A number of things (3件, 120人, 2つ, 5%), not a year, a page or a citation's numbers, nor the
  // 一人 of 一人歩き (a word taking on a life of its own).
  count:
    /[0-9一二三四五六七八九十]+ ?(件|人(?!歩き)|名|社|種類|個|本|回|例|つ|%|倍|万|億)|\b\d+ (patients|cases|people|companies|products|clinics)\b/u,
  specifics: /(?!)/u,
};

// "Where" about the text itself (これの原文どこ, どこに書いてある, 損するって書いてあるとこどこ, where does
// it say): a passage, not a place. 本部ってどこ, a noun's whereabouts, stays a place.
const WHERE_IN_THE_TEXT =
  /(原文|部分|箇所|記述|文章|くだり|根拠|出典|元の文|ソース|声明|見解|文書|本文|pdf)(は|って|の)?(中の)?(どこ|何処)|(る|た|い|だ)\s?(って|とこ|ところ)\s?(は)?\s?(どこ|何処)|(どこ|何処)か?(に|で)(書|かい|載|の[っせ]|言|述べ|記載|触れ)|\bwhere (exactly )?(does|do|did) (it|the statement|they|jsev|the society) (say|state|mention|write|talk|discuss|address|cover|describe)\b|\bwhere (in|is) (the statement|the text|that written|it written)\b/gu;

/** The kinds of answer a question asks for (usually none or one). */
export function askedTypes(normalized: string): AnswerType[] {
  const asked = normalized.replace(WHERE_IN_THE_TEXT, ' ');
  return ANSWER_TYPES.filter((t) => ASKS[t].test(asked));
}

/** The kinds of answer a passage can give: from its text, and a signature names people. */
export function heldTypes(text: string, isSignature: boolean): Set<AnswerType> {
  const held = new Set(ANSWER_TYPES.filter((t) => HOLDS[t].test(text)));
  if (isSignature) held.add('person');
  return held;
}
