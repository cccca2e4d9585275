import type { Language, UsageAnswer } from '../../src/answer.js';
import { detectLanguage } from '../../src/intents.js';
import { MESSAGES as CATALOGUE } from '../../src/messages.js';
import type { AdaptiveCard, CardAction, RichTextBlock } from './card-types.js';
import { introduction, messagesFor } from './messages.js';

function line(text: string, style: { weight?: 'Bolder' } = {}): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...style }] };
}

/**
 * The example question the welcome offers: the usage text's last example in the member's language
 * (keywords come first there, whole questions last).
 */
export function welcomeExample(usage: UsageAnswer): string {
  const { examples } = usage.usage;
  return examples.findLast((e) => detectLanguage(e) === usage.language) ?? examples[0] ?? '上清液';
}

/** The welcome as plain text, for notifications and clients without cards. */
export function welcomeText(usage: UsageAnswer): string {
  const { language } = usage;
  return `${CATALOGUE[language].greeting}\n\n${introduction(language, welcomeExample(usage))}`;
}

/**
 * The short welcome a member gets when they install the app in a personal chat: what the bot does,
 * the 要点 and 目次 buttons, and an example question (a button too). `usage` is the retriever's, in
 * the member's language.
 */
export function renderWelcome(usage: UsageAnswer): AdaptiveCard {
  const { language } = usage;
  const m = messagesFor(language);
  const example = welcomeExample(usage);
  const ask = (title: string, query: string): CardAction => ({
    type: 'Action.Submit',
    title,
    data: { action: 'ask', query },
  });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: language,
    body: [line(CATALOGUE[language].greeting, { weight: 'Bolder' }), line(introduction(language, example))],
    actions: [ask(m.suggestKeyPoints, '要点'), ask(m.topics, '目次'), ask(example, example)],
    fallbackText: welcomeText(usage),
    msteams: { width: 'Full' },
  };
}

/** Teams' locale for the conversation (`ja-JP`, `en-US`, …) as one of the bot's languages. */
export function languageOfLocale(locale: unknown): Language {
  return typeof locale === 'string' && /^en\b/i.test(locale) ? 'en' : 'ja';
}
