import { describe, expect, it } from 'vitest';
import { asksTheSocietysView } from '../../../src/search/view-asked.js';
import { normalize } from '../../../src/text/normalize.js';

const asks = (question: string) => asksTheSocietysView(normalize(question));

describe('asksTheSocietysView', () => {
  it.each([
    ['学会はPMDAの報告書をどう受け止めていますか'],
    ['What does JSEV think of the PMDA report?'],
    ["What is the society's stance on exosome clinics?"],
    ['見解はGMPについてどういう立場ですか'],
  ])('reads %s as asking the society’s view', (question) => {
    expect(asks(question)).toBe(true);
  });

  it.each([
    ['PMDAの報告書は何ページありますか', 'a fact of another body'],
    ['What does PMDA think of exosome cosmetics?', 'another body’s view'],
    ['学会の住所を教えてください', 'no view asked'],
  ])('reads %s as no question of the society’s view (%s)', (question) => {
    expect(asks(question)).toBe(false);
  });
});
