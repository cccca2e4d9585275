import nock from 'nock';
import { describe, expect, test } from 'vitest';
import { renderInsertedQuote } from '../../../adapters/teams/card.js';
import { messageContent, textAroundInsertedCards } from '../../../adapters/teams/inserted-card.js';
import {
  cardOf,
  expectReply,
  messageActivity,
  postActivity,
  richTextBlocks,
  sharedRetriever,
  supernatantParagraph,
  UNAUTHENTICATED_ENV,
  useTeamsServer,
} from './helpers.js';

const server = useTeamsServer(UNAUTHENTICATED_ENV);

/** The quote card the search extension inserted, as Teams attaches it to the member's message. */
function insertedCardAttachment() {
  const answer = sharedRetriever().ask('上清液', { limit: 1 });
  if (answer.kind !== 'answer' || !answer.quotes[0]) throw new Error('expected an answer');
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: renderInsertedQuote(answer.quotes[0], answer),
  };
}

// The text of such a message as the Microsoft 365 Agents Playground (0.2.28) sends it.
const PLACEHOLDER =
  '\n<span class="inline-compose-card" itemid="0" itemtype="http://schema.skype.com/InputExtension">\n  <span content="0" itemprop="cardId"></span>\n</span>\n';

describe('a message carrying only a card inserted by the search extension', () => {
  test('is not searched: the member gets a short hint, and the HTML is never quoted', async () => {
    const { scope, replies } = expectReply('a:personal-conversation-id', '1712345678901');

    const response = await postActivity(
      server.url,
      messageActivity({ text: PLACEHOLDER, attachments: [insertedCardAttachment()] }),
    );

    expect(response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(replies[0]?.attachments ?? []).toEqual([]);
    expect(replies[0]?.text).toContain(
      '挿入された引用カードには返信しません。キーワードか質問を送ってください',
    );
    expect(replies[0]?.text).toContain('Send a keyword or a question');
    expect(replies[0]?.text?.length ?? 0).toBeLessThan(200);
    expect(JSON.stringify(replies)).not.toContain('inline-compose-card');
  });

  test('with no text at all (attachment only) gets the same hint', async () => {
    const { replies } = expectReply('a:personal-conversation-id', '1712345678901');

    await postActivity(
      server.url,
      messageActivity({ text: undefined, attachments: [insertedCardAttachment()] }),
    );

    expect(replies[0]?.text).toContain(
      '挿入された引用カードには返信しません。キーワードか質問を送ってください',
    );
  });
});

describe('a message with words written around an inserted card', () => {
  test('is answered for the words, without the placeholder', async () => {
    const { replies } = expectReply('a:personal-conversation-id', '1712345678901');

    await postActivity(
      server.url,
      messageActivity({ text: `<p>上清液</p>${PLACEHOLDER}`, attachments: [insertedCardAttachment()] }),
    );

    const blocks = richTextBlocks(cardOf(replies[0]));
    expect(blocks[0]).toBe('「上清液」に関する記述（1件目／全3件）');
    expect(blocks).toContain(supernatantParagraph());
  });
});

describe('reading the text around inserted cards', () => {
  test('drops the placeholder with what it holds, and every other tag', () => {
    expect(
      textAroundInsertedCards(`a<span class="inline-compose-card"><span>x</span>y</span>b<br/>c&amp;d`),
    ).toBe('abc&d');
  });

  test('leaves a message without a placeholder exactly as typed, angle brackets included', () => {
    expect(messageContent('EV <100 nm', 0)).toEqual({ kind: 'text', text: 'EV <100 nm' });
  });

  test('takes linear time on a crafted text of unclosed tags', () => {
    const crafted = `${'<span class="inline-compose-card"'.repeat(5_000)}${'<'.repeat(100_000)}`;
    const started = performance.now();
    textAroundInsertedCards(crafted);
    expect(performance.now() - started).toBeLessThan(200);
  });

  test('an empty message with no attachment is still an (empty) question, as before', () => {
    expect(messageContent('', 0)).toEqual({ kind: 'text', text: '' });
    nock.cleanAll();
  });
});
