import { describe, expect, it } from 'vitest';
import { stripQuestionFrames } from '../../../src/text/frames.js';
import { normalize } from '../../../src/text/normalize.js';

const words = (question: string) =>
  stripQuestionFrames(normalize(question))
    .split(/[\s?？]+/u)
    .filter(Boolean);

describe('question frames', () => {
  it('leave what is asked and drop how it is asked, in Japanese', () => {
    expect(words('上清液について教えてください')).toEqual(['上清液']);
  });

  it.each([
    ['新入生向けのスライドに入れたいので、GMPの記述を教えて', ['、gmpの記述']],
    ['勉強会で紹介したいので、上清液について教えて', ['、上清液']],
    ['社内説明用に上清液の扱いを知りたい', ['上清液の扱い']],
  ])('drop what a member will use the answer for and for whom: %s', (question, left) => {
    expect(words(question)).toEqual(left);
  });

  it.each([
    ['記事で引用したいのですが、EV製剤の規制について該当箇所をご教示ください', ['、ev製剤の規制について']],
    ['背景説明に使いたいので、GMPについて言及している部分を引用させていただけますか', ['、gmpについて']],
    ['Press inquiry: could you give me a quote on whether GMP is required?', [':', 'gmp', 'is', 'required']],
    ['GMPについて触れている箇所があれば、そのまま引用したいのですが', ['gmpについて', '、']],
    ['GMPについて、番組内で引用できる一文を教えてください', ['gmpについて、', 'できる']],
    ['GMPが必要という理解で放送して問題ないでしょうか', ['gmpが必要', '放送']],
    ['GMPについて、根拠となる箇所を示してください', ['gmpについて、', 'を示してください']],
    ['For a weekly health feature: is GMP required?', [':', 'is', 'gmp', 'required']],
    [
      'Is GMP required? I need the exact wording, verbatim.',
      ['is', 'gmp', 'required', 'i', 'need', ',', '.'],
    ],
  ])("drop a reporter's request for the passage itself: %s", (question, left) => {
    expect(words(question)).toEqual(left);
  });

  it('drop the "et al." of a citation, which names no one', () => {
    expect(words('Where is Lohan et al. 2017 cited?')).toEqual(['where', 'is', 'lohan', '2017', 'cited']);
  });

  it.each([
    ['Why was JSEV founded in the first place?', ['why', 'was', 'jsev', 'founded']],
    ['By the way, is GMP required?', [',', 'is', 'gmp', 'required']],
  ])('drop idioms that stress a question without adding to it: %s', (question, left) => {
    expect(words(question)).toEqual(left);
  });

  it.each([
    ['GMPはどうすればいい？', ['gmpは']],
    ['上清液について患者にどう説明すればよいでしょうか', ['上清液について患者に']],
  ])('drop asking what to do or say: %s', (question, left) => {
    expect(words(question)).toEqual(left);
  });
});

describe('a request for the references', () => {
  it('is a frame: every quote comes cited with what its paragraph cites', () => {
    expect(stripQuestionFrames('免疫の問題と引用文献を知りたいです')).not.toMatch(/文献/u);
    expect(stripQuestionFrames('what does it say about immunity and its references')).not.toMatch(
      /references/u,
    );
  });
});
