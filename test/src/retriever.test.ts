import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { askAll, createRetriever, currentFirst, MAX_QUERY_LENGTH } from '../../src/retriever.js';

const corpus = loadCorpus();
const retriever = createRetriever(corpus);
const keys = (answer: Answer) => (answer.kind === 'answer' ? answer.quotes.map((q) => q.passage.key) : []);
const highlighted = (answer: Answer) =>
  answer.kind === 'answer'
    ? answer.quotes[0]?.highlights.map((h) => answer.quotes[0]?.passage.text.slice(h.start, h.end))
    : [];

describe('retriever.ask', () => {
  it('finds the paragraph on cell culture supernatant for 上清液', () => {
    const answer = retriever.ask('上清液');
    expect(keys(answer)[0]).toBe('p2');
    expect(highlighted(answer)).toContain('細胞培養上清液');
  });

  it('takes no evidence from a web address in the question (its https matches the one the statement cites)', () => {
    expect(retriever.ask('ビットコイン https://evil.example/').kind).toBe('no-match');
  });

  it('finds a Japanese term inside a longer compound without spaces', () => {
    expect(keys(retriever.ask('培養上清'))).toEqual(expect.arrayContaining(['p2', 'p3', 'p4']));
  });

  it('quotes passages verbatim with a citation naming section and paragraph', () => {
    const answer = retriever.ask('上清液');
    if (answer.kind !== 'answer') throw new Error(answer.kind);
    const quote = answer.quotes[0];
    expect(loadCorpus().passages.map((p) => p.text)).toContain(quote?.passage.text);
    expect(quote?.citation.text.ja).toBe(
      '日本細胞外小胞学会「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」（2023年12月25日）見解と提言 第2段落 https://jsev.jp/docs/jsev_ev_treatment_2023122501.pdf',
    );
    expect(quote?.citation.text.en).toContain(
      '25 December 2023, Views and recommendations (見解と提言), paragraph 2.',
    );
  });

  it('answers a question whose first clause tells of the asker in words the statement never uses', () => {
    const answer = retriever.ask(
      '整形外科で働いていて、週末はリハビリ教室や地域の健康講座を開いているのですが、学会は自由診療でのEV使用をどう見ていますか。',
    );
    expect(keys(answer)[0]).toMatch(/^(kp1|p2)$/);
    // Those words tell of the asker: they are not what the statement was asked, nor listed as not found.
    expect(answer.kind === 'answer' && answer.unmatched).toEqual([]);
  });

  it('searches the sentence that asks when it names only the subject, not the asker’s story before it', () => {
    const answer = retriever.ask(
      'Nurse here, I joined last month because my patients keep asking me about drips and skin boosters. In the statement, what kind of medicine are EV products?',
    );
    expect(keys(answer)[0]).toBe('p5');
  });

  it('ranks first, of passages naming a keyword alike, the one whose reviewed questions ask about it', () => {
    // p2 says the active ingredient may be cytokines; p5 names them in passing, beside antibodies.
    expect(keys(retriever.ask('サイトカイン'))[0]).toBe('p2');
  });

  it('finds the same passage for half-width and full-width spellings', () => {
    expect(keys(retriever.ask('ＡＭＥＤ'))[0]).toBe('p6');
    expect(keys(retriever.ask('ｻｲﾄｶｲﾝ'))).toContain('p2');
  });

  it('maps highlights of a half-width query onto the verbatim text', () => {
    expect(highlighted(retriever.ask('ｻｲﾄｶｲﾝ'))?.every((h) => h?.startsWith('サイトカイン'))).toBe(true);
  });

  it('reaches Japanese passages from an English question through the glossary', () => {
    expect(keys(retriever.ask('When was the society founded?'))[0]).toBe('p8');
    expect(keys(retriever.ask('supernatant'))).toContain('p2');
  });

  it('matches English glossary terms in any word form', () => {
    expect(keys(retriever.ask('Is it possible to isolate EVs?'))[0]).toBe('p3');
    expect(keys(retriever.ask('Who signed it?'))[0]).toBe('sig');
  });

  it('rewrites variant spellings to the statement’s own', () => {
    expect(keys(retriever.ask('モノクローナル抗体'))[0]).toBe('p5');
    expect(keys(retriever.ask('エキソソーム'))).toEqual(keys(retriever.ask('エクソソーム')));
  });

  it.each(['寿司', 'weather forecast', '新型コロナワクチン', 'コロナ', 'What does JSEV say about sushi?'])(
    'says the statement does not cover %s',
    (query) => {
      expect(retriever.ask(query).kind).toBe('no-match');
    },
  );

  it('does not quote the statement for a subject it does not discuss beside one of its words', () => {
    expect(retriever.ask('安全性').kind).toBe('answer');
    expect(retriever.ask('ワクチンの安全性').kind).toBe('no-match');
  });

  it('names the words of an answered question that the statement does not use', () => {
    const answer = retriever.ask('Has the efficacy of exosome therapy been confirmed, frankly?');
    expect(answer.kind === 'answer' && answer.unmatched).toEqual(['frankly']);
  });

  it('reaches the statement word by word where no glossary phrase does: quality control is 品質管理', () => {
    expect(['p6', 'p8']).toContain(keys(retriever.ask('quality control of EV drugs'))[0]);
  });

  it.each([
    'Is Slack safe?',
    'Can you suggest a good hiking trail near Kyoto?',
    '美容院の予約方法',
    '粒子加速器の仕組みは？',
  ])('lets no everyday word of a question about something else bridge to the statement: %s', (query) => {
    expect(retriever.ask(query).kind).toBe('no-match');
  });

  it.each([
    ['都内で信頼できるエクソソーム治療のクリニックを紹介してもらえますか'],
    ['How much does exosome therapy cost?'],
    ['日本細胞外小胞学会に入会したいのですが、手続きと年会費を教えてください'],
  ])('says a question of a kind the statement never answers is not covered: %s', (query) => {
    expect(retriever.ask(query).kind).toBe('no-match');
  });

  it('answers a question whose aside names a price or a doubt: the kind of request is weighed, not a veto', () => {
    const answer = retriever.ask(
      '値段が高いので迷っています。エクソソーム療法の効果はもう確かめられているのでしょうか',
    );
    expect(keys(answer)[0]).toBe('kp1');
  });

  it('reads どうすればいい as how a question asks, not as a word of the statement (場合)', () => {
    expect(retriever.ask('犬の散歩の時間が取れません。どうすればいい？').kind).toBe('no-match');
  });

  it('answers a paraphrase with no word of the statement when two of its everyday words point at its terms', () => {
    expect(keys(retriever.ask('他人からもらった材料で作ったら拒否反応は出ないの？'))[0]).toBe('p5');
    expect(keys(retriever.ask("If it is made from someone else's tissue, will the body reject it?"))[0]).toBe(
      'p5',
    );
  });

  it('reads a word typed in capitals as an acronym, not as a misspelt word (TOEIC is not toxic)', () => {
    const labels = retriever.explain('What is the most effective way to study for the TOEIC?').concepts;
    expect(labels.find((c) => c.label.toLowerCase() === 'toeic')?.forms.map((f) => f.text)).toEqual([
      'toeic',
    ]);
    expect(retriever.ask('What is the most effective way to study for the TOEIC?').kind).toBe('no-match');
  });

  it('reads English contractions and possessives as the words themselves', () => {
    const labels = retriever.explain("Isn't JSEV's exosome therapy effective?").concepts.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['exosome', 'therapy', 'effective']));
    expect(labels).not.toEqual(expect.arrayContaining(['isn']));
    expect(labels).not.toEqual(expect.arrayContaining(['s']));
    expect(keys(retriever.ask("What's exosome therapy?"))).toEqual(keys(retriever.ask('exosome therapy')));
  });

  it('reads a dash typed for ー as the long-vowel mark', () => {
    for (const dash of ['\u2015', '\u2010', '\u2212']) {
      expect(keys(retriever.ask(`エクソソ${dash}ム`))).toEqual(keys(retriever.ask('エクソソーム')));
    }
  });

  it('ranks a key point before the paragraph it sums up when both hold the same evidence', () => {
    const ranked = retriever.explain('厳正な審査').candidates.map((c) => c.id.split('/')[1]);
    expect(ranked.slice(0, 2)).toEqual(['kp2', 'p6']);
  });

  it('reads question frames and politeness as how something is asked, not what', () => {
    expect(keys(retriever.ask('恐れ入りますが、上清液について教えていただけますか'))).toEqual(
      keys(retriever.ask('上清液')),
    );
    const framed = retriever.ask('EV製剤は細胞治療と考えていいですか');
    expect(framed.kind === 'answer' && framed.unmatched).toEqual([]);
  });

  it('finds a glossary form only where nearly all of it is written: ISEV is not 日本細胞外小胞学会', () => {
    expect(keys(retriever.ask('ISEV'))).toEqual(['p8']);
  });

  it('corrects a typo of a known English word', () => {
    const typo = retriever.explain('colaborating with ISEV').concepts.find((c) => c.label === 'colaborating');
    expect(typo?.forms.map((f) => f.text)).toContain('連携');
  });

  it('takes a word ordinary English says for itself, not for a typo of a glossary word (a reporter is no report)', () => {
    const reporter = retriever.explain('reporter').concepts.find((c) => c.label === 'reporter');
    expect(reporter?.forms.map((f) => f.text)).not.toContain('報告書');
    const caption = retriever.explain('caption').concepts.find((c) => c.label === 'caption');
    expect(caption?.forms.map((f) => f.text)).toEqual(['caption']);
  });

  it('reads a question typed in romaji', () => {
    expect(keys(retriever.ask('ekusosoomu no yuukousei'))).toContain('kp1');
  });

  it('cuts long input at a word boundary and says how much was read', () => {
    const answer = retriever.ask(`${'上清液とは何ですか。'.repeat(60)}`);
    expect(answer.inputCut).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(answer.query.endsWith('。')).toBe(true);
    expect(retriever.ask('上清液').inputCut).toBeUndefined();
  });

  it('lists what it could not find when it answers part of a question', () => {
    const answer = retriever.ask('EV研究の今後の推進');
    expect(keys(answer)[0]).toBe('p8');
    expect(answer.kind === 'answer' && answer.unmatched).toEqual(['今後']);
  });

  it('searches the question, not the sentences around it that only say who asks and what for', () => {
    const answer = retriever.ask(
      'Science writer here. Is the culture supernatant sold to clinics a research reagent? I need a line I can quote.',
    );
    expect(keys(answer)[0]).toBe('p2');
    expect(answer.kind === 'answer' && answer.unmatched).not.toEqual(expect.arrayContaining(['writer']));
    expect(answer.kind === 'answer' && answer.unmatched).not.toEqual(expect.arrayContaining(['line']));
  });

  it('pages through results with offset and limit', () => {
    const all = keys(retriever.ask('上清液', { limit: 10 }));
    expect(keys(retriever.ask('上清液', { offset: 1, limit: 1 }))).toEqual([all[1]]);
  });

  it('answers the shared intents', () => {
    expect(retriever.ask('').kind).toBe('usage');
    expect(retriever.ask('help').kind).toBe('usage');
    const keyPoints = retriever.ask('要点');
    expect(keyPoints.kind === 'key-points' && keyPoints.quotes.map((q) => q.passage.key)).toEqual([
      'kp1',
      'kp2',
    ]);
    expect(retriever.ask('目次').kind).toBe('topics');
    expect(retriever.ask('全文').kind).toBe('full-text');
    expect(retriever.ask('key points').kind).toBe('key-points');
  });

  it('answers what the society recommends with the key points, the one saying what should be done first', () => {
    for (const q of ['What does the society recommend?', '学会の提言は？']) {
      const answer = retriever.ask(q);
      expect(answer.kind === 'key-points' && answer.quotes.map((quote) => quote.passage.key)).toEqual([
        'kp2',
        'kp1',
      ]);
    }
  });

  it('answers what the society is and does with the paragraph the statement gives about it', () => {
    for (const q of ['What does JSEV do?', 'うちの学会とISEVってどういう関係なんですか？']) {
      const answer = retriever.ask(q);
      expect(answer.kind === 'answer' && answer.quotes.map((quote) => quote.passage.key)).toEqual(['p8']);
    }
  });

  it('answers why the statement was issued with the paragraph the statement names as its occasion', () => {
    for (const q of ['この見解を出した背景を教えてください', 'Why did the society issue this statement?']) {
      const answer = retriever.ask(q);
      expect(answer.kind === 'answer' && answer.quotes.map((quote) => quote.passage.key)).toEqual(['p2']);
    }
  });

  it('searches a question about the society when the corpus marks no passage about its issuer', () => {
    const [document, ...others] = corpus.documents;
    if (!document) throw new Error('no document');
    const { aboutTheIssuer: _, ...meta } = document.meta;
    const unmarked = createRetriever({ ...corpus, documents: [{ ...document, meta }, ...others] });
    const explained = unmarked.explain('What does JSEV do?');
    expect(explained.intent).toBe('society');
    expect(unmarked.ask('What does JSEV do?').kind).not.toBe('error');
  });

  it('quotes the paragraph that cites a work when a member asks where the statement cites it', () => {
    expect(
      keys(retriever.ask('Gouveia de Andrade 2015 is cited in the statement: in what context?')),
    ).toEqual(['p5']);
  });

  it('does not quote the citing paragraph for what a cited work itself says', () => {
    expect(retriever.ask('Lener 2015 の論文の結論を、引用されている箇所と一緒に教えて').kind).toBe(
      'no-match',
    );
  });

  it('lists each paragraph with its first sentence in the topics', () => {
    const topics = retriever.ask('目次');
    if (topics.kind !== 'topics') throw new Error(topics.kind);
    const section = topics.topics[0]?.sections.find((s) => s.heading === '見解と提言');
    expect(section?.entries[1]?.firstSentence).toBe('一方で、危惧される点もあります。');
  });

  it('answers in the language of the query', () => {
    expect(retriever.ask('sushi').language).toBe('en');
    expect(retriever.ask('寿司').language).toBe('ja');
  });
});

describe('retriever.keyPoints, .topics and .usage', () => {
  it('quotes the one key point a question names (要点の2つ目, the first key point)', () => {
    const second = retriever.ask('見解の要点の2つ目を教えて');
    expect(second.kind === 'key-points' && second.quotes.map((q) => q.passage.key)).toEqual(['kp2']);
    const first = retriever.ask('What is the first key point?');
    expect(first.kind === 'key-points' && first.quotes.map((q) => q.passage.key)).toEqual(['kp1']);
  });

  it('gives the key points a member asking 要点 gets, without a keyword', () => {
    const { query: _asked, ...asked } = retriever.ask('要点') as Answer & { kind: 'key-points' };
    const { query, ...given } = retriever.keyPoints();
    expect(given).toEqual(asked);
    expect(query).toBe('要点');
    expect(given.quotes.map((q) => q.passage.kind)).toEqual(['key-point', 'key-point']);
  });

  it('gives the topics and the usage in the language asked for, named by that language’s keyword', () => {
    expect(retriever.topics('en')).toMatchObject({ kind: 'topics', language: 'en', query: 'topics' });
    expect(retriever.topics().topics).toEqual((retriever.ask('目次') as Answer & { kind: 'topics' }).topics);
    expect(retriever.usage('en')).toMatchObject({ kind: 'usage', language: 'en', query: 'help' });
    expect(retriever.usage().usage.commands.map((c) => c.keyword)).toContain('要点');
  });
});

describe('long input', () => {
  it('says how many characters it read when the input was cut, and nothing when it was not', () => {
    const long = `上清液${'あ'.repeat(600)}`;
    expect(retriever.ask(long).inputCut).toBe(500);
    expect(retriever.ask('上清液').inputCut).toBeUndefined();
    expect(retriever.ask('上清液')).not.toHaveProperty('inputCut');
  });
});

describe('a corpus with a superseded version of the statement', () => {
  const versions = createRetriever(
    loadCorpus(fileURLToPath(new URL('../fixtures/corpus-versions', import.meta.url))),
  );
  const all = (query: string) => askAll(versions, query) as Answer & { kind: 'answer' };

  it('ranks every current passage before a superseded one of equal score', () => {
    const statuses = all('上清液').quotes.map((q) => q.citation.status);
    expect(statuses).toEqual(['current', 'current', 'current', 'superseded', 'superseded', 'superseded']);
  });

  it('quotes a superseded passage with its successor and the line saying when and by what it was replaced', () => {
    const old = all('上清液').quotes.find((q) => q.citation.status === 'superseded');
    expect(old?.passage.id).toBe('jsev-2023-12-01/p2');
    expect(old?.citation.superseded).toEqual({
      by: 'jsev-2023-12-25',
      note: {
        ja: '※ 旧版: 2023年12月25日付の「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」に置き換えられています。',
        en: 'Note: superseded on 25 December 2023 by "細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解" [Position of the Japanese Society for Extracellular Vesicles on medical practice using extracellular vesicles].',
      },
    });
  });

  it('quotes a current passage with no superseded line', () => {
    const [first] = all('上清液').quotes;
    expect(first?.citation.status).toBe('current');
    expect(first?.citation).not.toHaveProperty('superseded');
  });

  it('gives the key points of the current statement only', () => {
    expect(versions.keyPoints().quotes.map((q) => q.passage.id)).toEqual([
      'jsev-2023-12-25/kp1',
      'jsev-2023-12-25/kp2',
    ]);
  });

  it('lists both versions in the topics and the full text, with their status', () => {
    const listed = (versions.ask('全文') as Answer & { kind: 'full-text' }).documents;
    expect(listed.map((d) => [d.id, d.status])).toEqual([
      ['jsev-2023-12-01', 'superseded'],
      ['jsev-2023-12-25', 'current'],
    ]);
    expect(versions.topics().topics.map((t) => t.document.status)).toEqual(['superseded', 'current']);
  });
});

describe('currentFirst', () => {
  const superseded = (id: string) => id.startsWith('old/');

  it('moves a current hit before a superseded one whose score it ties', () => {
    const hits = [
      { id: 'old/p2', score: 1 },
      { id: 'new/p2', score: 0.99 },
    ];
    expect(currentFirst(hits, superseded).map((h) => h.id)).toEqual(['new/p2', 'old/p2']);
  });

  it('keeps a superseded hit first when it scores clearly better', () => {
    const hits = [
      { id: 'old/p2', score: 1 },
      { id: 'new/p2', score: 0.9 },
    ];
    expect(currentFirst(hits, superseded).map((h) => h.id)).toEqual(['old/p2', 'new/p2']);
  });
});

describe('askAll', () => {
  it('gives every result of a search, in the order the pages show them', () => {
    const whole = askAll(retriever, '上清液') as Answer & { kind: 'answer' };
    const first = retriever.ask('上清液', { limit: 1 }) as Answer & { kind: 'answer' };
    expect(whole.quotes).toHaveLength(first.total);
    const paged = Array.from({ length: first.total }, (_, offset) =>
      keys(retriever.ask('上清液', { limit: 1, offset })),
    );
    expect(keys(whole)).toEqual(paged.flat());
  });

  it('gives the key points whole for 要点', () => {
    expect(askAll(retriever, '要点')).toEqual(retriever.ask('要点'));
  });
});
