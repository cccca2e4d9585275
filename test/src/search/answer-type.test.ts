import { describe, expect, it } from 'vitest';
import { askedTypes, heldTypes } from '../../../src/search/answer-type.js';
import { normalize } from '../../../src/text/normalize.js';

const asked = (question: string) => askedTypes(normalize(question));

describe('the kind of answer a question asks for', () => {
  it.each([
    ['誰が署名したのですか', 'person'],
    ['Who signed it?', 'person'],
    ['学会はいつできたの', 'time'],
    ['When was JSEV founded?', 'time'],
    ['本部はどこにありますか', 'place'],
    ['Where is the society based?', 'place'],
    ['被害は何件ありましたか', 'count'],
    ['How many clinics offer it?', 'count'],
    ['How much funding has AMED given?', 'count'],
    ['How many years after ISEV was JSEV founded?', 'time'],
  ])('reads %s as asking for a %s', (question, type) => {
    expect(asked(question)).toEqual([type]);
  });

  it.each([
    ['「有効性の評価は完了していない」←これの原文どこ？'],
    ['GMPのことはどこに書いてありますか'],
    ['その根拠はどこ？'],
    ['Where does the statement say that supernatant is not an EV product?'],
    ['Where in the statement is GMP mentioned?'],
  ])('reads a "where" about the text itself as asking for no place: %s', (question) => {
    expect(asked(question)).toEqual([]);
  });

  it.each([
    ['臨床研究レベルでどこまで評価が済んでいるのですか', 'how far'],
    ['「エクソソーム製品」という呼び方のどこが問題なのですか', 'which aspect'],
    ['学会の見解のどこにありますか', 'where in the statement'],
    ['製造のルールって、どこかに書いてある？', 'somewhere written'],
    ['要するに、効くかどうか誰にも分かってないってこと？', 'nobody'],
    ['いつか臨床に持っていくとき、何が問題になりますか', 'someday'],
    ['海外の団体と一緒にやっていくつもりなの？', 'intends'],
    ['What could happen to patients who receive these treatments?', 'a relative who'],
    ["What's the risk to patients when a clinic sells supernatant?", 'a "when" that joins a clause'],
    ['Could you point me to the wording where the society says so?', 'a relative where'],
    ['Where exactly does the statement talk about that?', 'where in the statement'],
    ['Should EV drugs be purified where possible?', 'where possible'],
    ['患者が損するって書いてあるとこどこ', 'where a claim is written'],
  ])('reads %s as asking for no person, time or place (%s)', (question) => {
    expect(asked(question)).toEqual([]);
  });

  it.each([
    ['For attribution: who signed it, and on whose behalf?', 'person'],
    ['What did the PMDA panel publish, and when?', 'time'],
    ['学会はいつから活動していますか', 'time'],
    ['学会の本部ってどこ？', 'place'],
  ])('still reads a question word that asks: %s', (question, type) => {
    expect(asked(question)).toEqual([type]);
  });

  it.each([
    ['What are the specific GMP requirements for an EV facility?'],
    ['培養上清液を販売している会社の名前は？'],
    ['Which companies make exosome products in Japan?'],
  ])('reads %s as asking for particulars, which no passage of a position statement gives', (question) => {
    expect(asked(question)).toEqual(['specifics']);
    expect(heldTypes('本学会は、GMPに準拠した製造を推奨します', false).has('specifics')).toBe(false);
  });

  it('asks for nothing in particular when the question has no question word of a kind', () => {
    expect(asked('培養上清はEV製剤ですか')).toEqual([]);
  });
});

describe('the kind of answer a passage can give', () => {
  it('finds times, places and numbers in the text, and people in cited authors and the signature', () => {
    expect([...heldTypes('令和5年12月時点で、日本では', false)].sort()).toEqual(['place', 'time']);
    expect(heldTypes('Lötvall J, et al., J Extracell Vesicles', false).has('person')).toBe(true);
    expect(heldTypes('理事長 落谷孝広', true).has('person')).toBe(true);
    expect(heldTypes('EVは細胞に由来する', false).size).toBe(0);
    // A year or a page is a time or a reference, not a count of anything.
    expect(heldTypes('本会は2011年に設立され、報告書9頁にある', false).has('count')).toBe(false);
    expect(heldTypes('3件の報告があった', false).has('count')).toBe(true);
  });

  it('counts no one in 一人歩き, a word taking on a life of its own', () => {
    expect(heldTypes('ワードが一人歩きし', false).has('count')).toBe(false);
    expect(heldTypes('一人の患者', false).has('count')).toBe(true);
  });
});
