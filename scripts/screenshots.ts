/**
 * Renders the Teams cards with Microsoft's own Adaptive Cards renderer (npm `adaptivecards`) in
 * headless Chromium and writes PNGs to docs/screenshots/. Fails when the renderer reports a card
 * invalid (parse or validation events), so a card Teams would reject never reaches the docs. The
 * Slack answers are drawn by our own HTML of their Block Kit payloads (scripts/slack-html.ts): Slack
 * has no offline renderer.
 *
 *   npm run screenshots            (needs Debian's chromium, fonts-noto-cjk and fonts-noto-color-emoji:
 *                                   apt-get install chromium fonts-noto-cjk fonts-noto-color-emoji)
 *   CHROMIUM_PATH=/path/to/chrome npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { command, readCommandLine } from '../adapters/cli/arguments.js';
import { renderCard } from '../adapters/teams/card.js';
import type { AdaptiveCard } from '../adapters/teams/card-types.js';
import { renderSearchResults } from '../adapters/teams/search-extension.js';
import { renderWelcome } from '../adapters/teams/welcome.js';
import { loadCorpus } from '../src/corpus/load.js';
import { createRetriever } from '../src/retriever.js';
import { shootSlack } from './slack-screenshots.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RENDERER = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

// Text colours, the same on white and on grey emphasis containers.
const FOREGROUND_COLORS = {
  default: {
    default: '#242424',
    subtle: '#616161',
    highlightColors: { default: '#FFE88A', subtle: '#FFF3C4' },
  },
  accent: { default: '#5B5FC7', subtle: '#7579EB' },
};

// Close to Teams' light theme: Segoe UI (Noto Sans CJK JP for Japanese), grey emphasis, yellow highlight.
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif",
  spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: FOREGROUND_COLORS,
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: FOREGROUND_COLORS,
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 12 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
};

// Runs in the page: parse, validate and render a card; returns every issue the renderer reports.
const IN_PAGE = `
window.renderAdaptiveCard = function (json, hostConfig, slot) {
  const AC = window.AdaptiveCards;
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(hostConfig);
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const issues = [];
  for (let i = 0; i < context.eventCount; i++) issues.push('parse: ' + context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) issues.push('validate: ' + event.message);
  const element = card.render();
  if (!element) issues.push('render: nothing rendered');
  else document.getElementById(slot).appendChild(element);
  return issues;
};`;

const PAGE = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
  body { margin: 0; background: #EBEBEB; font-family: 'Segoe UI', 'Noto Sans CJK JP', sans-serif; }
  .frame { width: 600px; background: #FFF; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.18); overflow: hidden; }
  .bot { font-size: 12px; color: #616161; margin: 0 0 6px 2px; }
  .search { width: 600px; font-size: 13px; color: #242424; margin: 0 0 8px 0; padding: 8px 12px; background: #FFF; border-radius: 4px; border-bottom: 2px solid #5B5FC7; }
  .item { border-bottom: 1px solid #EDEDED; }
  .ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; background: #FFF; padding: 5px 12px; font-family: inherit; font-size: 14px; font-weight: 600; color: #242424; cursor: pointer; }
  #page { padding: 16px 24px 24px; width: 620px; }
</style></head><body><div id="page"></div></body></html>`;

type RenderInPage = (json: unknown, hostConfig: unknown, slot: string) => string[];

/** Renders one card into a new slot; throws with the renderer's own words if the card is invalid. */
async function renderInto(page: Page, card: unknown, slot: string, name: string): Promise<void> {
  const issues = await page.evaluate(
    ([json, hostConfig, id]) =>
      (globalThis as unknown as { renderAdaptiveCard: RenderInPage }).renderAdaptiveCard(
        json,
        hostConfig,
        id as string,
      ),
    [card, HOST_CONFIG, slot] as const,
  );
  if (issues.length > 0)
    throw new Error(`The Adaptive Cards renderer reports ${name} invalid:\n  ${issues.join('\n  ')}`);
}

async function freshPage(page: Page, html: string): Promise<void> {
  await page.setContent(PAGE);
  await page.addScriptTag({ path: RENDERER });
  await page.addScriptTag({ content: IN_PAGE });
  await page.locator('#page').evaluate((el, inner) => {
    (el as unknown as { innerHTML: string }).innerHTML = inner;
  }, html);
}

/** Writes what is on the page to docs/screenshots/`file`. */
async function screenshot(page: Page, file: string): Promise<void> {
  await page.locator('#page').screenshot({ path: join(OUT, file) });
  console.log(`wrote docs/screenshots/${file}`);
}

async function shootCard(
  page: Page,
  card: AdaptiveCard,
  file: string,
  afterRender?: () => Promise<void>,
): Promise<void> {
  await freshPage(page, '<div class="bot">JSEV 見解 bot</div><div class="frame" id="card"></div>');
  await renderInto(page, card, 'card', file);
  await afterRender?.();
  await screenshot(page, file);
}

async function main(): Promise<void> {
  const retriever = createRetriever(loadCorpus());
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 700, height: 400 }, deviceScaleFactor: 2 });
    // Everything is local: the page must never reach the network.
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );

    const answer = retriever.ask('上清液', { limit: 1 });
    await shootCard(page, renderCard(answer), 'teams-answer-card.png');
    await shootCard(page, renderCard(answer), 'teams-answer-copy-text.png', async () => {
      await page.getByRole('button', { name: 'コピー用テキスト' }).click();
    });
    await shootCard(page, renderCard(retriever.ask('ビットコイン')), 'teams-no-match.png');
    await shootCard(page, renderWelcome(retriever.usage('ja')), 'teams-welcome.png');
    await shootCard(page, renderCard(retriever.topics()), 'teams-topics.png');

    // The message extension: Teams lists each result's preview (title, section and paragraph) under
    // the search box. The previews are thumbnail cards; shown here as the equivalent Adaptive Cards.
    const results = renderSearchResults(retriever.ask('上清液', { limit: 10 }));
    if (results.composeExtension.type !== 'result') throw new Error('expected search results for 上清液');
    const { attachments } = results.composeExtension;
    await freshPage(
      page,
      `<div class="search">見解を引用 ｜ 上清液</div><div class="frame">${attachments.map((_, i) => `<div class="item" id="r${i}"></div>`).join('')}</div>`,
    );
    for (const [i, attachment] of attachments.entries()) {
      const { title, text } = attachment.preview.content;
      const preview = {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: title, weight: 'Bolder' }] },
          {
            type: 'RichTextBlock',
            spacing: 'None',
            inlines: [{ type: 'TextRun', text, isSubtle: true, size: 'Small' }],
          },
        ],
      };
      await renderInto(page, preview, `r${i}`, `search preview ${i + 1}`);
    }
    await screenshot(page, 'teams-search-results.png');

    const inserted = attachments[0]?.content;
    if (!inserted) throw new Error('no search result to insert');
    await shootCard(page, inserted, 'teams-search-inserted-card.png');

    await shootSlack(page, retriever, OUT);
  } finally {
    await browser.close();
  }
}

readCommandLine(
  command({
    usage: 'npm run screenshots',
    help: `Renders the Teams cards (Microsoft's Adaptive Cards renderer) and the Slack answers in headless
Chromium and writes PNGs to docs/screenshots/. Needs Debian's chromium, fonts-noto-cjk and
fonts-noto-color-emoji, or CHROMIUM_PATH=/path/to/chrome.`,
    parse: { options: {} },
  }),
);
await main();
