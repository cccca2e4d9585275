// The Slack part of `npm run screenshots`: answers rendered by the Slack front end's own renderer
// (renderBlocks), drawn by our HTML of the Block Kit payload (scripts/slack-html.ts) in Chromium.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { renderBlocks, SLACK_TEXT } from '../adapters/slack/blocks.js';
import type { Retriever } from '../src/answer.js';
import { SLACK_CSS, slackMessageHtml } from './slack-html.js';

const LABEL = 'Rendered by our HTML of the Block Kit payload (not by Slack)';

async function shoot(page: Page, html: string, path: string): Promise<void> {
  await page.setContent(
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
      body { margin: 0; background: #f4f4f4; } #page { padding: 16px; width: 700px; } ${SLACK_CSS}
    </style></head><body><div id="page">${html}<div class="slack-label" style="font: 11px sans-serif; color: #767676; margin-top: 6px;">${LABEL}</div></div></body></html>`,
  );
  await page.locator('#page').screenshot({ path });
  console.log(`wrote ${path}`);
}

/** Writes slack-answer.png (`/jsev 上清液`, as the ack shows it) and slack-feedback-thanks.png. */
export async function shootSlack(page: Page, retriever: Retriever, outDir: string): Promise<void> {
  const answer = renderBlocks(retriever.ask('上清液', { limit: 1 }), { shareable: true });
  await shoot(page, slackMessageHtml(answer, { ephemeral: true }), join(outDir, 'slack-answer.png'));
  const noMatch = renderBlocks(retriever.ask('ビットコイン'), { shareable: true });
  await shoot(page, slackMessageHtml(noMatch, { ephemeral: true }), join(outDir, 'slack-no-match.png'));
  const thanks = { text: SLACK_TEXT.ja.feedbackThanks, blocks: [] };
  await shoot(
    page,
    slackMessageHtml(
      { ...thanks, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: thanks.text } }] },
      { ephemeral: true },
    ),
    join(outDir, 'slack-feedback-thanks.png'),
  );
}
