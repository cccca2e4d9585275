import type { Language } from '../../src/answer.js';
import type { AdaptiveCard, CardAction, RichTextBlock } from './card-types.js';
import { messagesFor } from './messages.js';

function line(text: string, style: { weight?: 'Bolder'; isSubtle?: boolean } = {}): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...style }] };
}

/** The welcome as plain text, for notifications and clients without cards. */
export function welcomeText(language: Language): string {
  const m = messagesFor(language);
  return `${m.welcomeTitle}\n\n${m.welcomeIntro}\n\n${m.welcomeExampleLabel}: ${m.welcomeExample}`;
}

/**
 * The short welcome a member gets when they install the app in a personal chat: what the bot does,
 * the 要点 and 目次 buttons, and an example question (a button too).
 */
export function renderWelcome(language: Language): AdaptiveCard {
  const m = messagesFor(language);
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
    body: [
      line(m.welcomeTitle, { weight: 'Bolder' }),
      line(m.welcomeIntro),
      line(`${m.welcomeExampleLabel}: ${m.welcomeExample}`, { isSubtle: true }),
    ],
    actions: [
      ask(m.suggestKeyPoints, '要点'),
      ask(m.topics, '目次'),
      ask(m.welcomeExample, m.welcomeExample),
    ],
    fallbackText: welcomeText(language),
    msteams: { width: 'Full' },
  };
}

/** Teams' locale for the conversation (`ja-JP`, `en-US`, …) as one of the bot's languages. */
export function languageOfLocale(locale: unknown): Language {
  return typeof locale === 'string' && /^en\b/i.test(locale) ? 'en' : 'ja';
}
