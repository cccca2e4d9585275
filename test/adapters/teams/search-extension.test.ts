import nock from 'nock';
import { describe, expect, test } from 'vitest';
import { renderSearchResults } from '../../../adapters/teams/search-extension.js';
import { SEARCH_SUPERSEDED } from '../../fixtures/answers.js';
import {
  messageActivity,
  postActivity,
  richTextBlocks,
  supernatantParagraph,
  UNAUTHENTICATED_ENV,
  useTeamsServer,
} from './helpers.js';

interface SearchResponse {
  composeExtension: {
    type: string;
    attachmentLayout?: string;
    text?: string;
    attachments?: {
      contentType: string;
      content: { type: string; body: unknown[]; actions?: { type: string }[] };
      preview: { contentType: string; content: { title: string; text: string } };
    }[];
  };
}

/** The invoke Teams sends while a member types in the message extension's search box. */
function searchInvoke(query: string, queryOptions = { skip: 0, count: 25 }) {
  return messageActivity({
    type: 'invoke',
    name: 'composeExtension/query',
    text: undefined,
    value: { commandId: 'searchQuote', parameters: [{ name: 'query', value: query }], queryOptions },
  });
}

const server = useTeamsServer(UNAUTHENTICATED_ENV);

describe('the search message extension', () => {
  test('answers a query in the HTTP response body, with no call to the connector', async () => {
    const connector = nock('https://smba.trafficmanager.net').post(/.*/).reply(200, {});

    const response = await postActivity(server.url, searchInvoke('上清液'));

    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as SearchResponse;
    expect(body.composeExtension.type).toBe('result');
    expect(body.composeExtension.attachmentLayout).toBe('list');
    expect(connector.isDone()).toBe(false);
  });

  test('titles each result with its section and paragraph, short, and previews the opening of the quote', async () => {
    const response = await postActivity(server.url, searchInvoke('上清液'));

    const first = (JSON.parse(response.body) as SearchResponse).composeExtension.attachments?.[0];
    expect(first?.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(first?.preview.content.title).toBe('見解と提言 第2段落');
    expect(supernatantParagraph().startsWith(first?.preview.content.text.replace(/…$/, '') ?? '-')).toBe(
      true,
    );
  });

  test('inserts the quote card, without buttons that would post back to the bot', async () => {
    const response = await postActivity(server.url, searchInvoke('上清液'));

    const first = (JSON.parse(response.body) as SearchResponse).composeExtension.attachments?.[0];
    expect(first?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(richTextBlocks(first?.content ?? {})).toContain(supernatantParagraph());
    expect(first?.content.actions?.map((a) => a.type)).not.toContain('Action.Submit');
  });

  test('lists the key points while the search box is still empty', async () => {
    const response = await postActivity(server.url, searchInvoke(''));

    const attachments = (JSON.parse(response.body) as SearchResponse).composeExtension.attachments ?? [];
    expect(attachments.map((a) => a.preview.content.title)).toEqual(['要点 第1項', '要点 第2項']);
  });

  test('says honestly when the statement does not cover the query, without repeating it', async () => {
    const response = await postActivity(server.url, searchInvoke('ビットコイン'));

    const body = JSON.parse(response.body) as SearchResponse;
    expect(body.composeExtension.type).toBe('message');
    expect(body.composeExtension.text).toContain('見解には該当する記述が見つかりませんでした');
    expect(body.composeExtension.text).not.toContain('ビットコイン');
  });

  test('inserts a card without the paging heading, which means nothing to the readers of the conversation', async () => {
    const response = await postActivity(server.url, searchInvoke('上清液'));

    const attachments = (JSON.parse(response.body) as SearchResponse).composeExtension.attachments ?? [];
    expect(attachments.length).toBeGreaterThan(1);
    for (const attachment of attachments) {
      const blocks = richTextBlocks(attachment.content);
      expect(blocks.join('\n')).not.toMatch(/件目|全\d+件/);
      expect(JSON.stringify(attachment.content)).not.toContain('「上清液」');
    }
    expect(richTextBlocks(attachments[0]?.content ?? {})[0]).toBe(supernatantParagraph());
  });

  test.each([
    ['目次', ['要点', '見解と提言', '署名']],
    ['topics', ['Key points', 'Views and recommendations', 'Signature']],
    ['help', ['Type a keyword']],
    ['ヘルプ', ['キーワードを入力']],
    ['全文', ['https://jsev.jp/docs/jsev_ev_treatment_2023122501.pdf']],
  ])('answers %s with a short message that fits the result list', async (query, expected) => {
    const response = await postActivity(server.url, searchInvoke(query));

    const { composeExtension } = JSON.parse(response.body) as SearchResponse;
    expect(composeExtension.type).toBe('message');
    expect(composeExtension.text?.length ?? 0).toBeLessThanOrEqual(200);
    for (const text of expected) expect(composeExtension.text).toContain(text);
  });
});

describe('the result list of a superseded quote', () => {
  test('says so in the title, still short', () => {
    const response = renderSearchResults(SEARCH_SUPERSEDED);
    const [first] = response.composeExtension.type === 'result' ? response.composeExtension.attachments : [];
    expect(first?.preview.content.title).toBe('見解と提言 第2段落（旧版）');
  });
});
