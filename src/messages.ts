// The one catalogue of what the bot says in its own words, in Japanese and English. Front ends render
// from it (each adds only its platform's markup), so a wording is changed in one place.
import type { Language } from './answer.js';

/** Every fixed text a member sees, in both languages a member may ask in. */
export const MESSAGES = {
  ja: {
    apology: '申し訳ありません。回答をお届けできませんでした。しばらくしてからもう一度お試しください。',
  },
  en: {
    apology: 'Sorry, the answer could not be delivered. Please try again shortly.',
  },
} as const satisfies Record<Language, Record<string, unknown>>;

/**
 * The short note a member gets when their answer could not be delivered, in both languages (the
 * question's language is not known where delivery fails).
 */
export const APOLOGY = `${MESSAGES.ja.apology} / ${MESSAGES.en.apology}`;
