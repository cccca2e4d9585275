// The words that name what a member wants of the statement as a whole: its key points, its
// contents, the whole text (where to read it, its title and date), who issued it, or how to ask.
// Reviewed vocabulary, written from how people ask for these things, not from any test query.
// Matched on normalised text (NFKC, lower case, contractions expanded; romaji already in kana).

/** What a member can ask of the statement as a whole. `issuer` is answered with the signature. */
export type WholeIntent = 'usage' | 'key-points' | 'topics' | 'full-text' | 'issuer';

const EN = (words: string): RegExp => new RegExp(`\\b(?:${words})\\b`, 'gu');
// Words in kana (typed so, or read from romaji) start a word, after a particle at most: こうせい is
// not the end of ゆうこうせい, まとめ is in 見解のまとめ.
const KANA = (words: string): RegExp =>
  new RegExp(`(?<=^|[^\\p{Script=Hiragana}ー]|[のはがをにでとも])(?:${words})`, 'gu');

/**
 * Cues of each intent; when cues of several are found, the first intent listed wins. A cue is removed from the question; what is left must
 * only name the statement (see {@link DOCUMENT_WORDS}) or be grammar, or the question is a search.
 */
export const INTENT_CUES: readonly { readonly intent: WholeIntent; readonly cues: readonly RegExp[] }[] = [
  {
    intent: 'issuer',
    cues: [
      /(誰|だれ|どなた|どこ|どちら)(が|の(名前|なまえ|名義|名)で)?(出|だ|発表|はっぴょう|公表|発行|発出|書|か|署名|作|つく)/gu,
      /(出し|だし|発表し|はっぴょうし|公表し|発行し|書い|かい|署名し|作っ|つくっ)た(の|ひと|人)?(は|って)(誰|だれ|どなた|どこ|どちら)/gu,
      /(発表|公表|発行|発出|作成|執筆)(者|元)|署名(者|欄)?|名義|差出人|出典元/gu,
      EN(
        'who(?: \\w+){0,3} (?:issued|issues|published|wrote|written|signed|released|authored|put out|is behind|are behind|responsible)|authors?|issuers?|signator(?:y|ies)|signed by|on whose behalf|in whose name',
      ),
    ],
  },
  {
    intent: 'topics',
    cues: [
      /目次|構成|章立て|見出し|項目|トピック|話題|テーマ/gu,
      KANA('もくじ|こうせい'),
      /何(について|が|を)(書|か|述べ|のべ|扱|載)|どんな(内容|こと)|何の(話|こと)/gu,
      EN(
        'topics?|contents?|table of contents|toc|sections?|outline|structure|headings?|covers?|covered|about what|what(?: \\w+){0,3} about',
      ),
    ],
  },
  {
    intent: 'key-points',
    cues: [
      /要点|要約|概要|ポイント|結論|趣旨|主旨|骨子|大意|要旨/gu,
      /一言で|簡単に|手短に|短く|言いたいこと|主張|提言|推奨|勧告|求めて/gu,
      KANA(
        'ようてん|ようやく|がいよう|ぽいんと|まとめ|けつろん|しゅし|ひとことで|ざっくり|かんたんに|かいつまんで|ていげん',
      ),
      EN(
        'key ?points?|main points?|headline(?: points?)?|headlines|summary|summari[sz]e|gist|tl;?dr|overview|takeaways?|bottom line|in a nutshell|in short|nutshell|main message|key message|highlights|briefly|recap|conclusions?',
      ),
      EN('recommend(?:s|ed|ations?)?|calls? for|urges?|(?:position|stance|view)(?! statement| paper)'),
    ],
  },
  {
    intent: 'full-text',
    cues: [
      /全文|原文|原典|pdf|リンク|url|ダウンロード|出典|ソース/gu,
      KANA('ぜんぶん|げんぶん'),
      /タイトル|題名|表題|名称/gu,
      /どこ(で|に|から)?(読|よ|見|み|入手|手に入|ある|あり|載)/gu,
      // When it was published: a date word beside a verb of publishing (いつできた is the society's founding).
      /(いつ|何年|なんねん|何月|なんがつ|何日|なんにち)[^。?!]{0,12}?(公表|発表|公開|発行|発出|出さ|出た|でた|出し|だし|リリース|はっぴょう|こうひょう)|(公表|発表|公開|発行|発出)(日|時期)|日付|ひづけ|年月日/gu,
      EN(
        'full text|whole (?:text|thing|statement|document)|entire (?:text|statement|document)|original(?: text| document| version)?|pdf|link|url|download|source|full version',
      ),
      EN('title|called|date|dated|publication date'),
      EN(
        'when(?: \\w+){0,5} (?:published|issued|released|announced|put out|came out|come out|written|made public)',
      ),
      EN('where(?: \\w+){0,3} (?:read|find|get|see|view|access)'),
    ],
  },
  {
    intent: 'usage',
    cues: [
      /ヘルプ|使い方|何ができ|どうやって使|どう使/gu,
      KANA('へるぷ|つかいかた|なにができ'),
      EN('help|usage|how (?:do|can|should) i use(?: this| you| the bot)?|what can you do|commands?'),
    ],
  },
];

/**
 * Words that only name the statement, its issuer, its subject or who is asking: a cue beside them
 * still asks for the whole statement (「見解の要点」, "JSEV's EV statement in short").
 */
export const DOCUMENT_WORDS: readonly RegExp[] = [
  /日本細胞外小胞学会|細胞外小胞|エクソソーム|えくそそーむ|医療行為|見解|声明文?|ステートメント|文書|資料|本学会|当学会|学会|今回|最新|公式|正式|全部|新入会員|新入り|新人|会員|初心者|記者|私|僕|自分|本|この|その|これ|それ|あれ/gu,
  // Grammar and politeness written in kanji (何ですか, 伺えますか, 見せて, 下さい).
  /何|伺|見せ|下さ|頂|戴|致|願|欲し|質問/gu,
  // The statement's date, as people name it (2023年12月の見解, 令和5年の見解).
  /(\d{4}|令和\d)年?(\d{1,2}月)?(\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{1,2}月/gu,
  EN(
    'jsev|society|societ|statement|stmt|position|stance|paper|document|doc|extracellular|vesicles?|exosomes?|evs?|medical practice|official|latest|new members?|members?|newbie|beginner|journalist|reporter|article|story|piece|please|pls|thx|thanks|quick|quickly|short|question|questions|hi|hello|hey|for us|\\d{4}|december|dec',
  ),
];
