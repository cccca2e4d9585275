import { describe, expect, it } from 'vitest';
import { withIntentWordsRespelled } from '../../src/intent-typos.js';
import { detectIntent } from '../../src/intents.js';

describe('mistyped intent words', () => {
  it('are read as the words they miss by a letter', () => {
    expect(withIntentWordsRespelled('jsev statment sumary pls')).toBe('jsev statement summary pls');
  });

  it('let a hurried request land on its intent', () => {
    expect(detectIntent('JSEV statment sumary pls')).toBe('key-points');
    expect(detectIntent('who sined the jsev statment')).toBe('issuer');
  });

  it('leave a word said in ordinary English as it is (sinned is not signed)', () => {
    expect(withIntentWordsRespelled('who sinned')).toBe('who sinned');
    expect(detectIntent('Who sinned?')).toBeUndefined();
  });

  it('leave a short word as it is: too many words are a letter from it', () => {
    expect(withIntentWordsRespelled('wen')).toBe('wen');
  });
});
