// The words that name what a member wants of the statement as a whole: its key points, its
// contents, the whole text (where to read it, its title and date), who issued it, or how to ask.
// Reviewed vocabulary, written from how people ask for these things, not from any test query.
// Matched on normalised text (NFKC, lower case, contractions expanded; romaji already in kana).

import { KEY_POINT_ORDINALS } from './key-point-asked.js';
import { toHiragana } from './text/script.js';

/**
 * What a member can ask of the statement as a whole. `issuer` is answered with the signature,
 * `society` (what the society is and does) with the passage the document gives about its issuer,
 * `occasion` (why the statement was issued) with the passage the document names as its occasion.
 */
export type WholeIntent =
  | 'usage'
  | 'key-points'
  | 'recommendations'
  | 'topics'
  | 'full-text'
  | 'issuer'
  | 'occasion'
  | 'society';

const EN = (words: string): RegExp => new RegExp(`\\b(?:${words})\\b`, 'gu');
/**
 * Two words of a cue with up to `gap` words between them (who … issued, when … published): only
 * the two are the cue, the words between are kept (group `keep`) for the rest of the question to be
 * judged by, so "who at PMDA issued the report" is still a search.
 */
const SPAN = (first: string, gap: number, last: string): RegExp =>
  new RegExp(`\\b(?:${first})(?<keep>(?: [\\w'-]+){0,${gap}}?) (?:${last})\\b`, 'gu');
const O_ROW = 'おこそとのほもよろごぞどぼぽょ';
const E_ROW = 'えけせてねへめれげぜでべぺ';
/**
 * A word in kana with its long vowels optional or written another way, as romaji gives them
 * (yoten, youten, yooten: よてん, ようてん, よおてん) and people type them (ようてん, よーてん).
 */
const anyLength = (word: string): string =>
  [...word]
    .map((c, i) => {
      const before = word[i - 1] ?? '';
      if (c === 'う' && O_ROW.includes(before)) return '[うおー]?';
      if (c === 'い' && E_ROW.includes(before)) return '[いえー]?';
      return c === 'ー' ? '[ー]?' : c;
    })
    .join('');
// Words in kana (typed so, or read from romaji) start a word, after a particle at most: こうせい is
// not the end of ゆうこうせい, まとめ is in 見解のまとめ.
const KANA = (words: string): RegExp =>
  new RegExp(
    `(?<=^|[^\\p{Script=Hiragana}ー]|[のはがをにでとも])(?:${words.split('|').map(anyLength).join('|')})`,
    'gu',
  );

// The society named, and what a newcomer asks of it (its activities, purpose, history, plans).
// この団体: the body that issued the statement, as a reader who does not know its name calls it.
const SOCIETY =
  '日本細胞外小胞学会|学会|本会|当会|本学会|当学会|jsev|ジェイセブ|じぇいせぶ|この団体|この組織';
const SOCIETY_WHAT =
  '活動|目的|目指|めざ|生まれ|うまれ|誕生|役割|使命|ミッション|ビジョン|沿革|歴史|成り立ち|経緯|いきさつ|きっかけ|由来|設立|創立|発足|創設|できた|作られ|作った|つくられ|取り組|取組|力を入れ|注力|今後|これから|将来|方針|何を(して|する|やって)|なにを(して|する|やって)|何して|なにして|何する|何やって';
const SOCIETY_EN = 'jsev|the society|this society|our society';
const SOCIETY_WHAT_EN =
  'activities|activity|mission|purpose|aims?|goals?|role|history|background|plans?|future|vision|founded|established|formed|set up|started|founding|origins?|work on|working on|keep working on|continue to work on|focus(?:es)? on';
// Bodies abroad (ISEV, international societies), and the ties a member asks about.
const ABROAD =
  'isev|国際細胞外小胞学会|国際学会|海外の(学会|団体|組織)|国際(的な)?(学会|団体|組織)|世界の(学会|団体)';
const TIES = '関係|関わり|かかわり|つながり|繋がり|連携|協力|提携|協働|関連';
const ABROAD_EN =
  'isev|international society|international (?:bodies|organi[sz]ations|societies|groups|partners|community)|overseas (?:societies|groups|bodies)|global (?:bodies|organi[sz]ations|societies)';
const TIES_EN =
  'relationship|relation|relations|related|relate|relates|belong(?:s|ing)? to|ties|tied|connected|connection|affiliat\\w*|linked|work(?:s|ing)? with|collaborat\\w*|cooperat\\w*|partner\\w*|member of|part of';

// Why the statement was put out: the statement named with a reason word, or why with a verb of issuing.
const STATEMENT_JA = '見解|声明文?|ステートメント|すてーとめんと';
const ISSUE_JA = '出し|出さ|出す|出た|だし|ださ|発表|公表|発出|公開|発信|まとめ|作成|作っ';
const WHY_JA = 'なぜ|なんで|何で|どうして|何のため|なんのため';
const REASON_JA = '背景|理由|きっかけ|経緯|いきさつ|狙い|ねらい|意図|動機|事情';
const ISSUE_EN =
  'issue|issued|issuing|publish|published|publishing|put out|putting out|release|released|releasing|write|wrote|make|made|come out|came out|speak out|spoke out|take a stand|took a stand';

/**
 * Cues of each intent; when cues of several are found, the first intent listed wins. A cue is removed from the question; what is left must
 * only name the statement (see {@link DOCUMENT_WORDS}) or be grammar, or the question is a search.
 */
export const INTENT_CUES: readonly {
  readonly intent: WholeIntent;
  readonly cues: readonly RegExp[];
  /** Words that say more of the same once a cue of this intent was found (are they connected at all). */
  readonly also?: readonly RegExp[];
}[] = [
  {
    intent: 'issuer',
    cues: [
      /(誰|だれ|どなた|どこ|どちら)(が|の(名前|なまえ|名義|名)で)?(出|だ|発表|はっぴょう|公表|発行|発出|書|か|署名|作|つく)/gu,
      /(出し|だし|発表し|はっぴょうし|公表し|発行し|書い|かい|署名し|作っ|つくっ)た(の|ひと|人)?(は|って)(誰|だれ|どなた|どこ|どちら|(どの|どちらの|何という|なんという)(団体|組織|機関|学会|人|方))/gu,
      /(発表|公表|発行|発出|作成|執筆|責任)(者|元)名?|署名(者|欄)?|名義|差出人|出典元|(代表者?|理事長|会長)の(お)?名前/gu,
      /(出し|だし|発表し|公表し|発行し|書い|署名し|作っ)た(団体|組織|機関|学会|人)(名|の名前)?/gu,
      // The society's head, whose name the signature gives (理事長は誰, who is JSEV's president).
      /(理事長|会長|代表者?|トップ)(は|って|の名前は?)?(誰|だれ|どなた|どの方|何という)/gu,
      SPAN(
        'who',
        3,
        'issued|issues|published|wrote|written|signed|released|authored|put out|is behind|are behind|responsible|put (?:their|its|his|her) name',
      ),
      EN('authors?|issuers?|signator(?:y|ies)|signed by|on whose behalf|in whose name'),
      // The head named in the signature (the one in office then: a first or former one stays a search).
      SPAN('who|whos', 3, 'president|prez|pres|chair|chairs|chairperson|chairman|head|leader|leads|heads'),
      SPAN(
        'which (?:organi[sz]ation|body|group|society|institution|association)',
        2,
        'issued|published|put out|released|wrote|signed|authored|produced|is behind',
      ),
    ],
  },
  {
    // Why the statement was issued, as reporters ask first (この見解を出した背景, なぜ今この声明を,
    // what prompted the statement): the statement or a verb of issuing must be named, so 背景 alone,
    // or the background of PMDA's work, stays a search.
    intent: 'occasion',
    cues: [
      new RegExp(
        `(${STATEMENT_JA})(?:(?:を|が|の)?(?:${ISSUE_JA}))?\\p{Script=Hiragana}{0,6}?(${REASON_JA})`,
        'gu',
      ),
      new RegExp(`(${ISSUE_JA})\\p{Script=Hiragana}{0,4}(${REASON_JA})`, 'gu'),
      new RegExp(`(${WHY_JA})(?<keep>[^。?!]{0,14}?)(${ISSUE_JA})`, 'gu'),
      new RegExp(`(${WHY_JA})(?<keep>[^。?!]{0,8}?)(${STATEMENT_JA})`, 'gu'),
      SPAN('why', 6, ISSUE_EN),
      EN(
        "(?:background|reasons?|rationale|motivation|motives?|context|impetus)(?: (?:to|for|of|behind))? (?:the |this |its |jsev's |the society's )?(?:statement|position statement|position|stance)",
      ),
      // What prompted the statement, or prompted JSEV to issue it (what prompted JSEV's founding is the society's).
      EN(
        "what (?:prompted|led to|motivated|triggered|drove) (?:the |this |its |jsev's |the society's )?(?:statement|position statement|position|stance)",
      ),
      SPAN('what (?:prompted|led|motivated|drove)', 3, ISSUE_EN),
    ],
    also: [
      new RegExp(
        `${REASON_JA}|今回|時期|タイミング|今|改めて|簡単に|簡潔に|手短に|説明|詳しく|至っ|至る|踏み切`,
        'gu',
      ),
      EN(
        `feel|felt|need|needed|decide|decided|chose|now|at this time|this point|briefly|explain|background|reasons?|context|${ISSUE_EN}`,
      ),
    ],
  },
  {
    // The society itself, as a newcomer asks: what it is, does and plans, its purpose and history,
    // its ties with ISEV and international bodies. The society must be named (学会, JSEV) or ISEV:
    // the purpose of the statement is not the society's.
    intent: 'society',
    cues: [
      // ISEV's founding, which the statement gives as what led to the society's (first: 国際細胞外小胞学会
      // holds 学会).
      new RegExp(`(${ABROAD})(?<keep>[^。?!]{0,8}?)(設立|創立|発足|創設|できた)(年月日|年度|年)?`, 'gu'),
      // The founding year typed as a keyword (設立年, 創立年月日): only the society's is given.
      /(設立|創立|発足|創設)(年月日|年度|年|時期)/gu,
      // 学会とは, JSEVって何: the society itself asked for, named right before.
      new RegExp(`(${SOCIETY})(とは|って(何|なに|なん|どんな))`, 'gu'),
      new RegExp(
        `(${SOCIETY})(?<keep>[^。?!]{0,12}?)(${SOCIETY_WHAT})([^。?!]{0,8}?(${SOCIETY_WHAT}))*|(${SOCIETY_WHAT})(?<keep2>[^。?!]{0,6}?)(${SOCIETY})([^。?!]{0,8}?(${SOCIETY_WHAT}))*`,
        'gu',
      ),
      new RegExp(
        `(${ABROAD})(?<keep>[^。?!]{0,14}?)(${TIES})|(${TIES})(?<keep2>[^。?!]{0,8}?)(${ABROAD})`,
        'gu',
      ),
      SPAN(SOCIETY_EN, 3, SOCIETY_WHAT_EN),
      SPAN(SOCIETY_WHAT_EN, 3, SOCIETY_EN),
      SPAN('what (?:does|do|did)', 4, 'do|doing|does'),
      // What is JSEV? — the society itself, the question ending there (not JSEV's position).
      new RegExp(`\\bwhat (?:is|are) (?:${SOCIETY_EN})(?=[\\s?.!]*$)`, 'gu'),
      SPAN(
        'when (?:was|did)',
        1,
        `(?:${ABROAD_EN}) (?:founded|established|formed|set up|start|begin|created)`,
      ),
      SPAN(ABROAD_EN, 5, TIES_EN),
      SPAN(TIES_EN, 5, ABROAD_EN),
    ],
    also: [
      // How long ago (設立から何年経つ), said of the society's founding.
      // The field it works in (EV研究で今後何に取り組む): what it does is said in the same paragraph.
      new RegExp(`${TIES}|${SOCIETY_WHAT}|経[っつちて過]|(ev|エクソソーム|細胞外小胞)の?研究`, 'gu'),
      EN(
        `${TIES_EN}|${SOCIETY_WHAT_EN}|${ABROAD_EN}|going forward|from now on|from here on|in (?:the )?future|(?:ev|exosome|vesicle) research|prompted|led to`,
      ),
    ],
  },
  {
    intent: 'topics',
    cues: [
      /目次|構成|章立て|見出し|項目|トピック|話題|テーマ|セクション|パート|段落|一覧|論点/gu,
      // What it deals with: 何を扱っているか, どんなことが書かれているか, 取り上げている内容.
      /(何|なに|どんな|どういう|どのような)(こと|内容|話|点|問題)?(が|を|に)?(ついて)?(扱|書|か|述べ|のべ|触れ|取り上げ|載)|扱(っ|わ)て(いる|る)(内容|こと|話題)|取り上げ(て|られて)(いる|る)(内容|こと)/gu,
      KANA('もくじ|こうせい'),
      /何(について|が|を)(書|か|述べ|のべ|扱|載)|どんな(内容|こと)|何の(話|こと)/gu,
      EN(
        'topics?|contents?|table of contents|toc|sections?|outline|structure|headings?|covers?|covered|about what|subjects?|themes?|issues (?:covered|addressed|raised)|addressed|deals? with|dealt with',
      ),
      SPAN('what', 3, 'about|discuss|discusses|discussed|deal with|touch on'),
    ],
    // How the topics stand in it: どんなテーマが並んでいるか.
    also: [/並(ん|べ|ぶ)/gu],
  },
  {
    // What the society recommends: the key points, the one that says what should be done first.
    intent: 'recommendations',
    cues: [
      /提言|推奨|勧告|求めて|(勧め|すすめ)て(いる|る)こと/gu,
      KANA('ていげん|すいしょう'),
      EN('recommend(?:s|ed|ations?)?|calls? for|urges?|advises?|advice'),
    ],
  },
  {
    intent: 'key-points',
    cues: [
      /要点|要約|概要|ポイント|結論|趣旨|主旨|骨子|大意|要旨/gu,
      /一言で|要するに|端的に|簡単に|簡潔に|手短に|短く|(一番|最も|いちばん)?(言いたい|伝えたい)こと|メッセージ|主張/gu,
      // What matters most in it: 一番大事なこと, 最も重要な点, 大切なメッセージ.
      /((一番|最も|いちばん)(大事|重要|大切|肝心)(な|の)?|(大事|重要|大切|肝心)な)(こと|点|ところ|メッセージ|ポイント)?/gu,
      // How short the summary should be: 3行で, 三行で, 2点で, 一文で, 2行くらいで.
      /[0-9一二三四五]+(行|点|文|つ)(くらい|ぐらい|程度|ほど)?(で|に)(絞|しぼ|まとめ|教え|説明|要約)?/gu,
      KANA(
        'ようてん|ようやく|がいよう|ぽいんと|まとめ|けつろん|しゅし|ひとことで|ざっくり|かんたんに|かいつまんで',
      ),
      EN(
        'key ?points?|main points?|headline(?: points?)?|headlines|summary|summari[sz]e|gist|tl;?dr|overview|takeaways?|bottom line|in a nutshell|in short|nutshell|main messages?|key messages?|highlights|brief(?:ly)?|recap|conclusions?|boil(?:ed|s)? down|boiled-down|distill(?:ed)?|condensed?',
      ),
      EN('(?:position|stance|view)(?! statement| paper)'),
      // How short the summary should be, as in Japanese (3行で): in two sentences, a one-line message.
      EN(
        '(?:in )?(?:one|two|three|a few|a couple of|[1-5])(?: (?:or|to) (?:two|three|four|[2-5]))?[ -](?:lines?|sentences?|paragraphs?|words?)(?: summary| version| message| answer| overview)?|one-liner',
      ),
    ],
    // Which key point (要点の1つ目, the second key point): the retriever quotes that one.
    also: [KEY_POINT_ORDINALS, /[0-9一二三四五](つ|点)(だけ)?/gu, EN('one|two|both')],
  },
  {
    intent: 'full-text',
    cues: [
      /全文|原文|本文|原典|pdf|リンク|url|ダウンロード|出典|ソース|所在|ありか|在り処/gu,
      KANA('ぜんぶん|げんぶん'),
      /タイトル|題名|表題|名称/gu,
      /どこ(で|に|から)?(読|よ|見|み|入手|手に入|ある|あり|載)/gu,
      // When it was published: a date word beside a verb of publishing (いつできた is the society's founding).
      /(いつ|何年|なんねん|何月|なんがつ|何日|なんにち)(?<keep>[^。?!]{0,12}?)(公表|発表|公開|発行|発出|出さ|出た|でた|出し|だし|リリース|はっぴょう|こうひょう)/gu,
      // 日付 as a word, not the 日 of a date and 付 of 25日付で.
      /(公表|発表|公開|発行|発出)(日|時期)|(?<![0-9０-９])日付|ひづけ|年月日|いつ付け?/gu,
      /(公表|発表|公開|発行|発出|リリース)(され|し)た(の|日)?(は|って)(いつ|何年|何月|何日)/gu,
      EN(
        'full text|whole (?:text|thing|statement|document)|entire (?:text|statement|document)|original(?: text| document| version)?|pdf|link|url|download|source|full version',
      ),
      EN('title|called|date|dated|publication date|(?:official |full |exact )?name'),
      SPAN(
        'when',
        10,
        '(?:first |originally |officially )?(?:publish|published|issue|issued|release|released|announce|announced|put out|came out|come out|written|made public|make public)',
      ),
      SPAN('where', 3, 'read|find|get|see|view|access'),
      // Where the statement itself is (where is it, where's the statement): what is left must name it.
      EN("where is|where's"),
      EN('download|send|share|copy'),
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

/** Katakana words also as typed in hiragana (エクソソーム, えくそそーむ). */
const BOTH_KANA = (words: string): string => `${words}|${toHiragana(words)}`;

/**
 * Words that only name the statement, its issuer, its subject or who is asking: a cue beside them
 * still asks for the whole statement (「見解の要点」, "the society's statement, briefly").
 */
export const DOCUMENT_WORDS: readonly RegExp[] = [
  // The treatments the statement is about, named with their subject (エクソソーム療法, EVの治療): not
  // any treatment (がん治療 asks of something else).
  new RegExp(`(${BOTH_KANA('エクソソーム')}|細胞外小胞|ev)\\s?の?(療法|治療)`, 'gu'),
  new RegExp(
    `日本細胞外小胞学会|${BOTH_KANA('ジェイセブ|エクソソーム|ステートメント')}|細胞外小胞|医療行為|見解|声明文?|文書|資料|記事[内中]?|末尾|冒頭|文末|本学会|当学会|貴学会|貴会|学会|今回|最新|公式|正式|全部|新入会員|新入り|新人|会員|初心者|記者|私|僕|自分|本|この|その|これ|それ|あれ`,
    'gu',
  ),
  // Grammar and politeness written in kanji (何ですか, 伺えますか, 見せて, 下さい).
  /(何|なん)(年|月|日|がつ|にち)|付で|付け|何|伺|見せ|下さ|頂|戴|致|願|欲し|質問|普段|日頃|主|全体|全般|的|念のため|念の為|結局|要は|具体的に/gu,
  // How one asks about a document, in kanji: who or which, reading, sending, checking, what it holds
  // (誰が署名, 読みたい, 送って, 確認したい, 載っている, 表明している, 扱っている内容, 正式な名前).
  /誰|何処|読|見|送|貼|共有|入手|確認|参照|載|掲載|記載|書|述べ|言|表明|明言|宣言|触れ|扱|取り上げ|含|内容|名前|正式|団体|組織|機関|章|箇所|部分|把握|今|現在/gu,
  /学生|院生|研究者|医師|看護師|患者|家族|編集者|担当者|者です|向け|出し|入会し(た|て)(ばかり|ところ)?/gu,
  // The statement's date, as people name it (2023年12月の見解, 令和5年の見解).
  /(\d{4}|令和\d)年?(\d{1,2}月)?(\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{1,2}月/gu,
  EN(
    'jsev|japanese|japan|society|societ|statement|stmt|position|stance|paper|document|doc|extracellular|vesicles?|exosomes?|evs?|medical practice|official|latest|new members?|members?|newbie|beginner|journalist|reporter|article|story|piece|please|pls|thx|thanks|quick one|quick|quickly|short|question|questions|hi|hello|hey|for us|\\d{4}|december \\d{1,2}(?:st|nd|rd|th)?|december|dec|issued|published|released',
  ),
  // The statement's subject as its title names it (on EV-based therapies), and how one asks about a
  // document in English (its main recommendations, to download or read it).
  EN(
    'based|therap(?:y|ies)|treatments?|medicine|medical|main|overall|general|whole|entire|complete|full|plus|read|view|access|open|list|deal|address|addresses|organi[sz]ation|body|group|online|version|web|website|site|page',
  ),
  // Who is asking, as people introduce themselves (new grad student here, 研究者です).
  EN(
    'current|currently|now|present|today|new|here|joined|join|readers?|audience|viewers|listeners|colleagues|students?|grad|graduate|researchers?|scientists?|doctors?|physicians?|clinicians?|nurses?|patients?|staff|editor|writer',
  ),
  // What a reporter will do with it: where it runs and in what form (a rundown for our desk, to
  // include in an explainer box, a caption tonight).
  EN(
    "in (?:plain|simple|everyday|lay(?:man|person)s?|layman's) (?:terms|words|english|language)|announcement|notice|desk|newsroom|rundown|run-down|include|embed|running|run|alongside|explainer|box|sidebar|caption|on-screen|onscreen|screen|graphic|slides?|deck|handout|newsletter|segment|broadcast|programme|program|podcast|episode|show|tonight|deadline|paraphrase|credit|credits|attribution|byline",
  ),
];
