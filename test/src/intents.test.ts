import { describe, expect, it } from 'vitest';
import { bundledJudge } from '../../src/corpus/judge-file.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { detectIntent, type WholeIntent } from '../../src/intents.js';
import { createJudge } from '../../src/search/judge.js';
import { namesStatementTerm, readQuestion } from '../../src/search/query.js';
import { createSearcher } from '../../src/search/searcher.js';

const { vocabulary } = createSearcher(loadCorpus(), createJudge(bundledJudge()));
const read = (q: string) => readQuestion(q, vocabulary);
const intentOf = (q: string) => detectIntent(q, read);

// How people ask, with {w} for what they ask for: question frames, particles, politeness,
// punctuation, the statement named or not.
const JA_FRAMES = [
  '{w}',
  '{w}？',
  '{w}は？',
  '{w}を教えて',
  '{w}を教えてください',
  '{w}を教えていただけますか',
  '見解の{w}',
  'この見解の{w}は？',
  '学会の見解の{w}を知りたいです',
  '{w}ってどこ？',
  '{w}が知りたい',
  '{w}、お願いします',
  'すみません、{w}を教えてもらえますか',
  '新入会員です。{w}を教えてください',
  'JSEVの声明の{w}って何ですか',
  '{w}について',
  'エクソソームの見解の{w}',
  '{w}はありますか',
  '記者です。本見解の{w}を伺えますか',
  '{w}を見せて',
  '{w}ちょうだい',
  '研究者です。この声明の{w}を確認したい',
];
const EN_FRAMES = [
  '{w}',
  '{w}?',
  '{w} please',
  '{w} pls',
  'the {w}',
  'the {w} of the statement',
  'what is the {w}?',
  'what are the {w}?',
  "what's the {w}?",
  'can you give me the {w}?',
  'could you tell me the {w} of the statement?',
  'show me the {w}',
  'I would like the {w} of JSEV’s statement',
  "the society's {w}",
  'JSEV statement {w}',
  '{w} of the exosome statement?',
  'I am a new member: {w}?',
  'hi, grad student here - {w}?',
  'quick question, {w}?',
  'give me the {w} of the position statement',
  'i need the {w} for an article',
  'just the {w}, thanks',
];

// What people call each thing they can ask of the statement as a whole, in each language.
const WORDS: Record<
  Exclude<WholeIntent, 'usage' | 'issuer' | 'recommendations' | 'society' | 'occasion'>,
  { ja: string[]; en: string[] }
> = {
  'key-points': {
    ja: ['要点', 'ポイント', '要約', '概要', 'まとめ', '結論', '趣旨', '要旨', 'ようてん'],
    en: [
      'key points',
      'summary',
      'gist',
      'tl;dr',
      'main points',
      'headline points',
      'bottom line',
      'overview',
    ],
  },
  topics: {
    ja: ['目次', '構成', '項目', '見出し', 'もくじ', 'セクション', '一覧', '論点'],
    en: ['topics', 'table of contents', 'contents', 'sections', 'outline', 'subjects', 'themes'],
  },
  'full-text': {
    ja: ['全文', '原文', 'PDF', 'リンク', 'URL', 'タイトル', '題名', '日付', 'ぜんぶん'],
    en: ['full text', 'pdf', 'link', 'url', 'title', 'date', 'original', 'source', 'publication date'],
  },
};

// Why the statement was issued, as reporters ask it: the statement or a verb of issuing beside a reason.
const OCCASION = {
  ja: [
    'この見解を出した背景',
    '見解を出した理由',
    '声明を発表したきっかけ',
    '見解が出された経緯',
    '本見解の狙い',
  ],
  en: ['background to the statement', 'reason for the statement', 'rationale behind the position statement'],
};
describe('why the statement was issued', () => {
  it('is found in every Japanese frame', () => {
    for (const w of OCCASION.ja)
      for (const f of JA_FRAMES) expect(intentOf(f.replace('{w}', w)), f.replace('{w}', w)).toBe('occasion');
  });

  it('is found in every English frame', () => {
    for (const w of OCCASION.en)
      for (const f of EN_FRAMES) expect(intentOf(f.replace('{w}', w)), f.replace('{w}', w)).toBe('occasion');
  });

  it.each([
    ['なぜ学会はこの見解を出したのですか'],
    ['なぜ今この声明なのですか'],
    ['この見解はなぜ出されたの？'],
    ['Why did the society issue this statement?'],
    ['What prompted JSEV to put out the statement?'],
    ['Why was this statement issued now?'],
  ])('is what %s asks', (q) => {
    expect(intentOf(q)).toBe('occasion');
  });

  it.each([
    ['PMDAが専門部会を設置した背景は？', 'the background of PMDA’s work'],
    ['培養上清が医薬品でない理由は？', 'the reason for one of its points'],
    ['Why did PMDA publish its report?', 'why another body published'],
    ['背景', 'a reason word alone'],
  ])('is not what %s asks (%s)', (q) => {
    expect(intentOf(q)).not.toBe('occasion');
  });

  it('leaves what prompted the society’s founding to a search', () => {
    expect(intentOf('When was JSEV founded, and what prompted it?')).not.toBe('occasion');
  });

  it('leaves the background of the society itself to the society', () => {
    expect(intentOf('What is the background of JSEV?')).toBe('society');
  });
});

describe('what a question asks of the statement as a whole', () => {
  for (const [intent, words] of Object.entries(WORDS)) {
    it(`finds ${intent} in every Japanese frame`, () => {
      for (const w of words.ja)
        for (const f of JA_FRAMES) expect(intentOf(f.replace('{w}', w)), f.replace('{w}', w)).toBe(intent);
    });
    it(`finds ${intent} in every English frame`, () => {
      for (const w of words.en)
        for (const f of EN_FRAMES) expect(intentOf(f.replace('{w}', w)), f.replace('{w}', w)).toBe(intent);
    });
  }

  it.each([
    ['これ誰が出したの？'],
    ['この見解を出したのはどこ？'],
    ['見解の発表者は'],
    ['署名したのは誰ですか'],
    ['who issued this?'],
    ['Who wrote the statement?'],
    ['who signed it'],
    ['whosignedthestatement?'],
    ['dare ga dashita no?'],
    ['署名しているのは誰ですか'],
    ['この見解を出したのはどの団体ですか'],
    ['Which organisation put out this statement?'],
    ['Which society issued the position paper?'],
    ['学会の理事長は誰ですか'],
    ['Who is the president of JSEV?'],
    ['この見解の責任者は誰ですか'],
    ['声明を出した団体名を教えて'],
    ['Who put their name to this statement?'],
    ['whos the jsev prez'],
    ['Who chairs the Japanese Society for Extracellular Vesicles?'],
    ['Who is the current president of JSEV?'],
  ])('finds who issued it in %s', (q) => {
    expect(intentOf(q)).toBe('issuer');
  });

  it.each([
    ['学会ってどんな団体？'],
    ['JSEVとは'],
    ['この学会は普段どんな活動をしているんですか'],
    ['学会の目的と役割を教えてください'],
    ['学会はいつ設立されたの'],
    ['学会はいつできたの？'],
    ['When was JSEV founded?'],
    ['学会の今後の方針は'],
    ['うちの学会とISEVってどういう関係なんですか？'],
    ['ISEVとの関係は？'],
    ['海外の学会との連携はありますか'],
    ['What does JSEV do?'],
    ['What is JSEV?'],
    ["What is the society's mission?"],
    ['When was the society founded?'],
    ['Does JSEV work with international organisations at all?'],
    ['How is JSEV related to ISEV?'],
    ['Is the society a partner of ISEV?'],
    ['国際細胞外小胞学会ができたのは何年？'],
    ['When was ISEV founded?'],
    ['日本細胞外小胞学会ってどういう経緯でできたんですか'],
    ['この学会は、いつ、どういう経緯で設立されたんですか'],
    ['この学会はどういう目的で作られたんですか'],
    ['学会は今後どんなことに取り組んでいくんですか'],
    ['これから学会として力を入れていくのは何ですか'],
    ['How is JSEV linked to ISEV? Are they connected at all?'],
    ['I already belong to ISEV. How does JSEV relate to ISEV?'],
    ['この学会は具体的に何をしているんですか'],
    ['What does the society itself plan to do going forward?'],
  ])('finds what the society is and does in %s', (q) => {
    expect(intentOf(q)).toBe('society');
  });

  it.each([
    ['いつ公表されたの？'],
    ['この見解は何年何月に発表されましたか'],
    ['When was the statement published?'],
    ['when was it released'],
    ['itsu happyou sareta no'],
    ['見解が公開されたのはいつですか'],
    ['この見解はいつ付けで公表されたものですか'],
    ['これっていつ付けの見解ですか'],
    ['Where can our readers find the full text?'],
    ['Where can I read the complete statement?'],
    ['ｼﾞｪｲｾﾌﾞ 見解 全文'],
    ['When did JSEV release its statement on exosome-based therapies?'],
    ['見解を読みたいのでPDFを送ってください'],
    ['声明のURLを貼ってもらえますか'],
    ['見解の正式名称を確認したい'],
    ['念のため、見解の発表日を確認させてください'],
    ["What's the official name of the statement?"],
    ['Where can I download the statement on EV-based treatments?'],
    ['Is there a link to the statement for the online version of our story?'],
    ['When was the JSEV statement on exosome-based medical practice first published?'],
  ])('finds when it was published (the full text, dated) in %s', (q) => {
    expect(intentOf(q)).toBe('full-text');
  });

  it.each([
    ['学会の提言は？'],
    ['What does the society recommend?'],
    ["What are the statement's main recommendations?"],
    ['学会が推奨していることをざっくり教えてください'],
    ['学会の提言って結局なんですか'],
    ['What does JSEV call for?'],
  ])('finds what the society recommends (its key points, the recommending one first) in %s', (q) => {
    expect(intentOf(q)).toBe('recommendations');
  });

  it.each([
    ['what is JSEV’s position?'],
    ['Summarise the society’s position on EV treatments'],
    ['見解を3行でまとめて'],
    ['新入会員向けに、この声明で学会が一番伝えたいことを教えてください'],
    ['学会が出した見解の要旨を簡潔に'],
    ['この声明で最も重要な点だけ教えて'],
    ['日本細胞外小胞学会が12月25日付で出した見解の要旨を教えてください'],
    ['学会の声明、三行で教えて'],
    ['yooten oshiete'],
    ['jsev kenkai youten'],
    ['エクソソーム治療について、学会の見解を一言で'],
    ['貴学会の見解を一言でお願いします'],
    ['エクソソーム療法について、学会の見解を端的にお聞かせいただけますか'],
    ['この見解は何を言っているの？ざっくり教えて'],
    ['the statement in two sentences, please'],
    ["What's the one-line message of the statement?"],
    ['よーてんおしえて'],
  ])('finds the key points in %s', (q) => {
    expect(intentOf(q)).toBe('key-points');
  });

  it.each([
    ['この声明は何を扱っていますか'],
    ['見解で扱っている内容を一覧にしてほしい'],
    ['声明で取り上げられている話題は'],
    ['見解はどんな章で構成されていますか'],
    ['What does the position paper deal with?'],
    ['I just joined the society. What does the statement cover?'],
    ['入会したばかりなので、見解の項目だけ教えてください'],
    ['Which subjects are addressed in the JSEV statement?'],
    ['この声明、なにについて書いてあるの？'],
    ['Could you send our newsroom a rundown of the sections of the statement for a sidebar?'],
  ])('finds what it deals with (its topics) in %s', (q) => {
    expect(intentOf(q)).toBe('topics');
  });

  it.each([
    ['Where can I download Zoom?'],
    ["What's the name of your cat?"],
    ['会員名簿を一覧にしてほしい'],
    ["Summarise today's news"],
    ['What topics will the annual meeting cover?'],
    ['PMDAの理事長は誰'],
    ['Who leads the ISEV?'],
    ["Who chairs Japan's drug regulator?"],
    ["What's JSEV's mailing address?"],
    ["Who was JSEV's first chairman?"],
    ['When was the PMDA report on EV-based products published?'],
    ['Who at PMDA issued the report?'],
    ['What is the PMDA report about?'],
    ['初代理事長は誰ですか'],
    ['学会の年会費はいくら？'],
    ['学会の会員数は？'],
    ['学会の学術集会はいつですか'],
    ['How do I join the society?'],
    ['AMEDとの関係は'],
    ['What is the purpose of the statement?'],
    ['What does the society do about clinics selling exosome products?'],
    ['ISEVの本部はどこ'],
    ['ISEVの設立者は誰ですか'],
    ['がん治療の要点は？'],
    ['Who founded ISEV?'],
  ])('is no intent when the question is about something else: %s', (q) => {
    expect(intentOf(q)).toBeUndefined();
  });

  it.each([['設立年'], ['創立年月日'], ['学会って設立から何年くらい経つの？'], ['ISEVの設立年は？']])(
    'finds the society in %s: its founding (and ISEV’s, which led to it) is the society’s paragraph',
    (q) => {
      expect(intentOf(q)).toBe('society');
    },
  );

  it.each([
    ['この団体っていつできたの？', 'society'],
    ['この団体はいつ生まれたの？', 'society'],
    ['学会は今後何を目指していますか', 'society'],
    ['見解の本文を読みたい', 'full-text'],
    ['記事内にリンクを貼りたいので見解の原文をください', 'full-text'],
    ['Can you list the topics the statement covers?', 'topics'],
    ['見解の要点2つを簡潔に教えて', 'key-points'],
  ])('finds the intent of %s', (q, intent) => {
    expect(intentOf(q)).toBe(intent);
  });

  it.each([
    ['Where is the statement itself?'],
    ['Where can I read the statement the society issued on December 25, 2023?'],
    ['見解のPDFの所在を教えてください'],
  ])('finds the full text in %s', (q) => {
    expect(intentOf(q)).toBe('full-text');
  });

  it('leaves where another body is to a search', () => {
    expect(intentOf("Where is ISEV's headquarters?")).toBeUndefined();
  });

  it('leaves another body’s founding year to a search', () => {
    expect(intentOf('PMDAの設立年')).toBeUndefined();
  });

  describe('a question in several sentences', () => {
    const withAsides = (q: string) => detectIntent(q, read, (s) => namesStatementTerm(s, vocabulary));
    it('finds the intent of one sentence when the others only say why or for whom', () => {
      expect(withAsides("When was this statement released? I'd like to cite it at our lab meeting.")).toBe(
        'full-text',
      );
      expect(withAsides('来週の勉強会で紹介します。見解の要点を教えてください。')).toBe('key-points');
    });
    it('finds the intent of one clause when the others say who asks, naming only the statement’s subject', () => {
      expect(withAsides('留学生です。日本語がまだ難しいので、見解の要点をやさしく教えてください。')).toBe(
        'key-points',
      );
      expect(withAsides('入会したばかりで恐縮ですが、学会がこの見解で一番伝えたいことは何でしょうか。')).toBe(
        'key-points',
      );
      expect(
        withAsides(
          'I joined as a postdoc and the EV field is still new to me. How does the society relate to ISEV?',
        ),
      ).toBe('society');
    });
    it('takes a word one kanji off a term for a word of its own in an aside (研究室 is not 研究者 mistyped)', () => {
      expect(withAsides('研究室の輪読会で紹介します。見解の要点を教えてください。')).toBe('key-points');
    });
    it('finds how short a summary should be with its くらい (2行くらいで)', () => {
      expect(intentOf('見解の要点を2行くらいで教えてもらえますか')).toBe('key-points');
    });
    it('is a search when a lone word is typed beside the question: it is asked, not an aside', () => {
      expect(withAsides('見解の要点を教えてください。ヌヘヰ')).toBeUndefined();
    });
    it('takes a greeting for no more than a greeting', () => {
      expect(withAsides("Hi! I just joined the society. What's the main takeaway of the statement?")).toBe(
        'key-points',
      );
    });
    it('cuts an aside off before stripping a frame that holds the が、 it ends with', () => {
      expect(
        withAsides('朝のニュース番組で紹介したいんですが、見解の要点を3行くらいで教えてもらえますか'),
      ).toBe('key-points');
    });
    it('does not read the kana left of a verb it sets aside as another word (書きたい is not 期待)', () => {
      expect(
        withAsides(
          '月刊誌の編集者です。記事で発信者を正確に書きたいので、この見解は誰の名義で出されたものか教えてください。',
        ),
      ).toBe('issuer');
    });
    it('reads a reason given without a comma (時間がないので) as an aside', () => {
      expect(withAsides('院生です。時間がないのでざっと要点だけ知りたいです')).toBe('key-points');
    });
    it('sets aside a sentence saying who asks, whatever words of the statement its trade holds', () => {
      expect(withAsides('健康番組の構成作家です。見解の要点を教えてください')).toBe('key-points');
    });
    it('sets aside an introduction ending in "here," and where the answer will run', () => {
      expect(
        withAsides('Radio producer here, we need the key points of the statement for a segment tonight'),
      ).toBe('key-points');
    });
    it('is a search when the request points back at what the piece before describes (その段落)', () => {
      expect(
        withAsides('『上清液は試薬だ』という部分があると聞きました。その段落を教えてください'),
      ).toBeUndefined();
    });
    it('finds the issuer in 発表者名 and 代表者のお名前, and in "quick one - who signed it?"', () => {
      expect(withAsides('編集担当です。声明の発表者名を確認させてください')).toBe('issuer');
      expect(withAsides('出典表記のため、代表者のお名前を確認させてください')).toBe('issuer');
      expect(withAsides('Quick one - who signed the statement?')).toBe('issuer');
    });
    it('finds the key points boiled down, in two main messages, to paraphrase for readers', () => {
      expect(
        withAsides('Could you give me the statement boiled down so I can paraphrase it for readers?'),
      ).toBe('key-points');
      expect(withAsides("What are the statement's two main messages?")).toBe('key-points');
    });
    it('finds the key points asked in plain terms of the announcement', () => {
      expect(withAsides("In plain terms, what's the bottom line of this announcement?")).toBe('key-points');
    });
    it('finds the society asked what it will do in its field (EV研究で今後何に取り組む)', () => {
      expect(withAsides('学会としてEV研究で今後何に取り組んでいくんですか')).toBe('society');
      expect(withAsides('EV研究の現状は？')).toBeUndefined();
    });
    it('finds the society asked when it was set up and what prompted that', () => {
      expect(withAsides('When was JSEV set up, and what prompted that?')).toBe('society');
    });
    it('sets aside where in the asker’s article the answer goes (記事末尾に)', () => {
      expect(withAsides('見解の発表日とPDFへのリンクを記事の末尾に載せたいです')).toBe('full-text');
    });
    it('finds the topics in どんなテーマが並んでいるか', () => {
      expect(withAsides('見解にはどんなテーマが並んでいるのでしょうか')).toBe('topics');
    });
    it('sets aside a phrase of purpose before the request (速報用に, 予習として、)', () => {
      expect(withAsides('通信社です。ニュース用に見解の要点を簡潔にお願いします')).toBe('key-points');
      expect(withAsides('勉強会の予習として、見解の要点を知りたいです')).toBe('key-points');
    });
    it('keeps 学会として with the request it belongs to', () => {
      expect(withAsides('記者です。学会として今後どういう活動に取り組むのですか')).toBe('society');
    });
    it('reads what follows a colon as a clause of its own', () => {
      expect(withAsides('News desk here: what does the society plan to do going forward?')).toBe('society');
    });
    it('is a search when a clause names a term of the statement', () => {
      expect(withAsides('上清液について知りたいので、見解の要点を教えてください')).toBeUndefined();
    });
    it('is a search when another sentence names a term of the statement', () => {
      expect(withAsides('When was this statement released? And what does it say about GMP?')).toBeUndefined();
      expect(withAsides('見解の要点を教えてください。上清液はEV製剤ですか。')).toBeUndefined();
    });
  });

  it.each([['help'], ['使い方'], ['How do I use this?'], ['何ができるの？'], ['']])(
    'finds how to ask in "%s"',
    (q) => {
      expect(intentOf(q)).toBe('usage');
    },
  );

  it.each([
    ['EV製剤の要点'],
    ['上清液の概要'],
    ['the gist of the PMDA report'],
    ['summary of GMP requirements'],
    ['ekusosoomu no yuukousei'],
    ['Who chairs the PMDA panel?'],
    ['GMPについて何が書いてありますか'],
    ['Where can I read the PMDA report?'],
    ['What is the main risk of exosome therapy?'],
    ['Which organisation regulates drugs in Japan?'],
  ])('is a search when something else is asked too: %s', (q) => {
    expect(intentOf(q)).toBeUndefined();
  });
});
