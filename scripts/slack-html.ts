// Our own HTML rendering of the Block Kit payloads the Slack front end sends, for docs/slack.md's
// screenshots: Slack offers no offline renderer. It draws each block the way Slack's client does in
// outline (quote bar, grey context, buttons) and refuses a block or element it does not know, so a
// screenshot never hides part of a message.
import type { types } from '@slack/bolt';
import type { SlackMessage } from '../adapters/slack/blocks.js';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline mrkdwn (already escaped for Slack, whose escapes are HTML's): links, bold, italics, code. */
function inlineMrkdwn(text: string): string {
  const withLinks = text.replace(/<([^<>|]+)(?:\|([^<>]+))?>/g, (_all, target: string, label?: string) => {
    if (target.startsWith('@')) return `<span class="mention">@${escapeHtml(target.slice(1))}</span>`;
    return `<a href="${target.replace(/"/g, '&quot;')}">${label ?? target}</a>`;
  });
  return withLinks
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/(^|[\s\u200B(（「])\*([^*\n]+)\*/g, '$1<b>$2</b>')
    .replace(/(^|[\s\u200B(（「])_([^_\n]+)_/g, '$1<i>$2</i>')
    .replace(/\n/g, '<br>');
}

/** A mrkdwn text: code blocks as <pre>, the rest inline. */
function mrkdwn(text: string): string {
  return text
    .split(/```\n?([\s\S]*?)\n?```/)
    .map((part, i) => (i % 2 === 1 ? `<pre>${part}</pre>` : inlineMrkdwn(part)))
    .join('');
}

function textObject(text: types.PlainTextElement | types.MrkdwnElement): string {
  return text.type === 'mrkdwn' ? mrkdwn(text.text) : escapeHtml(text.text).replace(/\n/g, '<br>');
}

function richElement(element: types.RichTextElement): string {
  const style = 'style' in element ? (element.style ?? {}) : {};
  let html: string;
  if (element.type === 'text') html = escapeHtml(element.text);
  else if (element.type === 'link')
    html = `<a href="${escapeHtml(element.url)}">${escapeHtml(element.text ?? element.url)}</a>`;
  else throw new Error(`rich text element ${element.type} is not rendered here`);
  if ('bold' in style && style.bold) html = `<b>${html}</b>`;
  if ('italic' in style && style.italic) html = `<i>${html}</i>`;
  return html.replace(/\n/g, '<br>');
}

function richText(block: types.RichTextBlock): string {
  return block.elements
    .map((sub) => {
      const inner = () => (sub.elements as types.RichTextElement[]).map(richElement).join('');
      if (sub.type === 'rich_text_quote') return `<blockquote>${inner()}</blockquote>`;
      if (sub.type === 'rich_text_section') return `<div class="rt-section">${inner()}</div>`;
      throw new Error(`rich text part ${sub.type} is not rendered here`);
    })
    .join('');
}

function contextActions(block: types.ContextActionsBlock): string {
  return `<div class="context-actions">${block.elements
    .map((e) => {
      if (e.type !== 'feedback_buttons') throw new Error(`context action ${e.type} is not rendered here`);
      return [e.positive_button, e.negative_button]
        .map(
          (b) =>
            `<button class="icon" title="${escapeHtml(b.accessibility_label ?? '')}">${escapeHtml(b.text.text)}</button>`,
        )
        .join('');
    })
    .join('')}</div>`;
}

function block(b: types.KnownBlock): string {
  switch (b.type) {
    case 'section':
      return `<div class="section">${b.text ? textObject(b.text) : ''}</div>`;
    case 'context':
      return `<div class="context">${b.elements
        .map((e) => {
          if (e.type !== 'mrkdwn' && e.type !== 'plain_text')
            throw new Error(`context ${e.type} not rendered`);
          return `<span>${textObject(e)}</span>`;
        })
        .join('')}</div>`;
    case 'header':
      return `<div class="header">${escapeHtml(b.text.text)}</div>`;
    case 'divider':
      return '<hr>';
    case 'rich_text':
      return `<div class="rich-text">${richText(b)}</div>`;
    case 'actions':
      return `<div class="actions">${b.elements
        .map((e) => {
          if (e.type !== 'button') throw new Error(`action ${e.type} is not rendered here`);
          return `<button>${escapeHtml(e.text.text)}</button>`;
        })
        .join('')}</div>`;
    case 'context_actions':
      return contextActions(b);
    default:
      throw new Error(`block ${b.type} is not rendered here`);
  }
}

/** CSS close to Slack's light theme (Lato, or Noto Sans CJK JP for Japanese). */
export const SLACK_CSS = `
  .slack { width: 640px; background: #fff; padding: 12px 20px 16px; font: 15px/1.47 Lato, 'Noto Sans CJK JP', 'Noto Color Emoji', sans-serif; color: #1d1c1d; display: flex; gap: 8px; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  .slack .avatar { flex: none; width: 36px; height: 36px; border-radius: 6px; background: #2b6cb0; color: #fff; font-weight: 700; display: flex; align-items: center; justify-content: center; font-size: 13px; }
  .slack .body { flex: 1; min-width: 0; }
  .slack .name { font-weight: 900; } .slack .app { font-size: 10px; background: #e8e8e8; color: #616061; padding: 1px 3px; border-radius: 2px; margin-left: 4px; vertical-align: 2px; }
  .slack .only { font-size: 13px; color: #616061; margin-bottom: 2px; }
  .slack .section, .slack .rich-text { margin: 4px 0; }
  .slack blockquote { margin: 4px 0; padding: 0 0 0 12px; border-left: 4px solid #dddddd; }
  .slack .context { font-size: 13px; color: #616061; margin: 4px 0; }
  .slack .header { font-weight: 900; font-size: 18px; margin: 6px 0; }
  .slack hr { border: 0; border-top: 1px solid #e8e8e8; margin: 10px 0; }
  .slack a { color: #1264a3; text-decoration: none; }
  .slack code { font: 12px Monaco, monospace; color: #e01e5a; background: #f6f6f6; border: 1px solid #e8e8e8; border-radius: 3px; padding: 0 3px; }
  .slack pre { font: 12px/1.5 Monaco, 'Noto Sans Mono CJK JP', monospace; background: #f8f8f8; border: 1px solid #e8e8e8; border-radius: 4px; padding: 8px; white-space: pre-wrap; }
  .slack .actions { margin: 8px 0 4px; display: flex; gap: 8px; flex-wrap: wrap; }
  .slack .actions button { font: 700 13px Lato, 'Noto Sans CJK JP', sans-serif; background: #fff; border: 1px solid #bbbabb; border-radius: 4px; padding: 4px 12px; color: #1d1c1d; }
  .slack .context-actions { display: flex; gap: 2px; margin: 2px 0; }
  .slack .context-actions .icon { font-size: 14px; background: none; border: 1px solid transparent; border-radius: 4px; padding: 1px 5px; color: #616061; }
  .slack .label { font: 11px sans-serif; color: #616061; margin-top: 6px; }
`;

/**
 * The HTML of one message as Slack's client lays it out in outline: the bot's name, "Only visible
 * to you" for an ephemeral message, then every block in order.
 */
export function slackMessageHtml(
  message: SlackMessage,
  options: { readonly ephemeral?: boolean } = {},
): string {
  return `<div class="slack"><div class="avatar">JSEV</div><div class="body">
    <div><span class="name">JSEV見解ボット</span><span class="app">APP</span></div>
    ${options.ephemeral ? '<div class="only">あなただけに表示されています</div>' : ''}
    ${message.blocks.map(block).join('\n')}
  </div></div>`;
}
