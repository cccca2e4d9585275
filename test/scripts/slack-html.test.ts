import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../adapters/slack/blocks.js';
import { slackMessageHtml } from '../../scripts/slack-html.js';
import { SEARCH } from '../fixtures/answers.js';

/** The text a browser shows of some HTML: tags dropped, entities decoded. */
const shownText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('our HTML of a Slack message (for screenshots)', () => {
  it('shows the quote as a blockquote holding the passage exactly, its highlights in bold', () => {
    const html = slackMessageHtml(renderBlocks(SEARCH, { shareable: true }), { ephemeral: true });
    const quote = /<blockquote>([\s\S]*?)<\/blockquote>/.exec(html)?.[1] ?? '';
    expect(shownText(quote)).toBe(SEARCH.quotes[0]?.passage.text);
    expect(quote).toContain('<b>細胞培養上清液</b>');
    expect(html).toContain('👍');
    expect(html).toContain('チャンネルに共有 / Share in channel');
  });

  it('refuses a block it cannot draw rather than leave it out', () => {
    const message = { text: 'x', blocks: [{ type: 'video' }] } as unknown as Parameters<
      typeof slackMessageHtml
    >[0];
    expect(() => slackMessageHtml(message)).toThrow(/video/);
  });
});
