// Nothing a member typed becomes a link, a mention or a notification (issue 18). For questions
// holding a random URL, bare domain, e-mail address or Slack mention, every payload the Slack front
// end sends (the ephemeral answer, the next page, the shared answer, a mention's and a DM's answer,
// the copy-ready text, the App Home, the feedback thanks) is searched for what the member typed:
// - in the message's top-level `text` (notifications, screen readers; Slack links addresses there)
//   it never appears;
// - in a mrkdwn text object it appears only with `verbatim: true` (so Slack links and mentions
//   nothing in it), with `&`, `<` and `>` escaped;
// - anywhere else only as a button's value, which is data Slack sends back, never shown.
// The statement's own links (rich_text link elements, the document's URL) are not the member's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBlocks, SLACK_TEXT } from '../../adapters/slack/blocks.js';
import { renderCopyMessage } from '../../adapters/slack/copy-text.js';
import { renderHome } from '../../adapters/slack/home.js';
import { queryFromMessage } from '../../adapters/slack/listeners/events.js';
import { escapeMrkdwn } from '../../adapters/slack/mrkdwn.js';
import { MESSAGES } from '../../src/messages.js';
import { BOT_USER_ID } from '../adapters/slack/harness.js';
import { RUNS, retriever, STATEMENT_WORDS } from './arbitraries.js';

/** Every text the bot could show that is not the member's: the corpus and the bot's own words. */
const OWN_TEXT = JSON.stringify([
  retriever()
    .allQuotes()
    .map((q) => [q.passage.text, q.passage.references, q.citation.text]),
  retriever().corpusInfo,
  MESSAGES,
  SLACK_TEXT,
  renderHome(retriever()),
]).toLowerCase();

/** What a member types that Slack could turn into a link or a mention, and the part that shows it. */
interface Typed {
  /** As typed in the message box. */
  readonly text: string;
  /** What would be linked or pinged if Slack read it as markup: a host, an address, an id. */
  readonly needle: string;
}

const mentionId = (prefix: string) => fc.stringMatching(/^[A-Z0-9]{6,10}$/).map((id) => `${prefix}${id}`);

const typed: fc.Arbitrary<Typed> = fc.oneof(
  fc
    .webUrl({ withQueryParameters: true, withFragments: true })
    .map((url) => ({ text: url, needle: new URL(url).host })),
  fc.domain().map((domain) => ({ text: domain, needle: domain })),
  fc.emailAddress().map((email) => ({ text: email, needle: email })),
  fc
    .constantFrom('<!here>', '<!channel>', '<!everyone>')
    .map((ping) => ({ text: ping, needle: ping.slice(1, -1) })),
  mentionId('U').map((id) => ({ text: `<@${id}>`, needle: id })),
  mentionId('C').map((id) => ({ text: `<#${id}|general>`, needle: id })),
  mentionId('S').map((id) => ({ text: `<!subteam^${id}>`, needle: id })),
);

/** A question holding what the member typed, alone or with words of the statement around it. */
const question = fc
  .tuple(
    typed,
    fc.option(fc.constantFrom(...STATEMENT_WORDS), { nil: undefined }),
    fc.option(fc.constantFrom(...STATEMENT_WORDS), { nil: undefined }),
  )
  .map(([member, before, after]) => ({
    ...member,
    query: [before, member.text, after].filter(Boolean).join(' '),
  }))
  // Only needles of the member's own: not in the statement, its citations or the bot's own texts.
  .filter(({ needle }) => needle.length >= 4 && !OWN_TEXT.includes(needle.toLowerCase()));

/**
 * The message text Slack sends for a mention or DM of `typed`: `&`, `<` and `>` escaped, an address
 * it recognises wrapped as a link (`<https://…>`, `<http://host|host>`, `<mailto:…|…>`).
 */
function asSlackSendsIt(query: string, member: Typed): string {
  const escaped = escapeMrkdwn(query);
  if (member.text.startsWith('<')) return query;
  if (/^https?:/.test(member.text)) return escaped.replace(escapeMrkdwn(member.text), `<${member.text}>`);
  if (member.text.includes('@'))
    return escaped.replace(member.text, `<mailto:${member.text}|${member.text}>`);
  return escaped.replace(member.text, `<http://${member.text}|${member.text}>`);
}

/** Every payload the Slack front end would send for this question, named. */
function payloads(query: string, member: Typed): [string, unknown][] {
  const ask = (q: string, offset = 0) => retriever().ask(q, { offset, limit: 1 });
  const answer = ask(query);
  const fromMessage = queryFromMessage(asSlackSendsIt(query, member), BOT_USER_ID);
  const mentioned = queryFromMessage(`<@${BOT_USER_ID}> ${asSlackSendsIt(query, member)}`, BOT_USER_ID);
  return [
    ['ephemeral answer', renderBlocks(answer, { shareable: true })],
    ['next result', renderBlocks(ask(query, 1), { shareable: true })],
    ['shared answer', renderBlocks(answer, { sharedBy: 'U0MEMBER' })],
    ['answer to a mention', renderBlocks(ask(mentioned))],
    ['answer to a DM', renderBlocks(ask(fromMessage))],
    ['copy-ready text', renderCopyMessage(answer) ?? { text: '', blocks: [] }],
    ['App Home', renderHome(retriever())],
    ['feedback thanks', { text: SLACK_TEXT[answer.language].feedbackThanks }],
  ];
}

/** Whether Slack would read markup or an unescaped `&` in mrkdwn text: `<…>`, a raw `>`, a bare `&`. */
const unescaped = (text: string): boolean => /[<>]|&(?!amp;|lt;|gt;)/.test(text);

/** Whether `text` shows `needle`, as typed or escaped. */
const showsNeedle = (text: string, needle: string): boolean =>
  [needle, escapeMrkdwn(needle)].some((form) => text.toLowerCase().includes(form.toLowerCase()));

/** Where `needle` shows in a payload other than as the rules above allow; empty when it holds. */
function leaks(payload: unknown, needle: string): string[] {
  const found: string[] = [];
  const holds = (text: string) => showsNeedle(text, needle);
  const visit = (node: unknown, path: string, key: string): void => {
    if (typeof node === 'string') {
      if (!holds(node)) return;
      if (path === '.text') found.push('the top-level text (notifications, screen readers)');
      else if (key !== 'value') found.push(path);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const object = node as Record<string, unknown>;
    if (object.type === 'mrkdwn' && typeof object.text === 'string' && holds(object.text)) {
      if (object.verbatim !== true) found.push(`${path}: mrkdwn without verbatim`);
      // The share note mentions the sharer by a well-formed id: that is the bot's own markup.
      if (unescaped(object.text.replace(/<@U0MEMBER>/g, ''))) found.push(`${path}: unescaped`);
      return;
    }
    for (const [k, v] of Object.entries(object)) visit(v, `${path}.${k}`, k);
  };
  visit(payload, '', '');
  return found;
}

describe('Slack payloads for a question holding a URL, a domain, an address or a mention', () => {
  it('never show what the member typed where Slack would link, mention or notify with it', () => {
    fc.assert(
      fc.property(question, ({ query, needle, text }) => {
        const all = payloads(query, { text, needle });
        for (const [name, payload] of all) expect(leaks(payload, needle), name).toEqual([]);
        // Not vacuous: an answer or a no-match echoes the question, so the needle is there to find.
        const { kind } = retriever().ask(query, { limit: 1 });
        if (kind === 'answer' || kind === 'no-match') {
          expect(showsNeedle(JSON.stringify(all[0]?.[1]), needle)).toBe(true);
        }
      }),
      {
        numRuns: RUNS,
        // The hostile test's two questions (issue 18) run every time.
        examples: [
          [
            {
              text: 'https://evil.example/login',
              needle: 'evil.example',
              query: 'https://evil.example/login 上清液',
            },
          ],
          [{ text: 'evil.example', needle: 'evil.example', query: 'evil.example 寿司' }],
        ],
      },
    );
  });
});
