/**
 * Messages that carry a card inserted from a message extension (this bot's own search, sent in its
 * chat). Teams puts a placeholder `<span class="inline-compose-card" …>…</span>` in the text and the
 * card in the attachments; neither is a question, so the HTML must never be searched or echoed.
 */

/** The class Teams gives the placeholder of an inserted card in a message's HTML text. */
const INSERTED_CARD_CLASS = 'inline-compose-card';

const ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * The text a member wrote around inserted cards: the placeholders (with whatever they hold) and
 * every other tag removed, the common entities decoded. One pass over the text, whatever it holds
 * (no backtracking regular expression: a crafted message must not block the event loop).
 */
export function textAroundInsertedCards(html: string): string {
  let out = '';
  let depth = 0; // > 0 while inside an inserted card's placeholder
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) {
      if (depth === 0) out += html.slice(at);
      break;
    }
    const close = html.indexOf('>', open);
    if (close === -1) {
      if (depth === 0) out += html.slice(at);
      break;
    }
    if (depth === 0) out += html.slice(at, open);
    const tag = html.slice(open, close + 1).toLowerCase();
    if (/^<span[\s>]/.test(tag) && (depth > 0 || tag.includes(INSERTED_CARD_CLASS))) depth += 1;
    else if (depth > 0 && tag.startsWith('</span')) depth -= 1;
    at = close + 1;
  }
  return out.replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** What a message's text and attachments say: a question to answer, or only inserted cards. */
export type MessageContent =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'card-only' };

/**
 * Reads a message (its text already without the bot's @mention): text with an inserted card's
 * placeholder is reduced to what the member wrote around it; a message with nothing written and an
 * attachment is card-only. Any other text is left exactly as typed.
 */
export function messageContent(text: string, attachmentCount: number): MessageContent {
  const written = text.includes(INSERTED_CARD_CLASS) ? textAroundInsertedCards(text).trim() : text.trim();
  if (written !== '') return { kind: 'text', text: written };
  return text.includes(INSERTED_CARD_CLASS) || attachmentCount > 0
    ? { kind: 'card-only' }
    : { kind: 'text', text: '' };
}
