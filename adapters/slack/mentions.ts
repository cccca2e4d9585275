// Mentions in message text (`<@U123>` or `<@U123|name>`), found in one pass. The regular expressions
// this replaces rescanned the rest of the text at every `<@` that had no `>`, so a forged 98 KB
// message held the event loop for seconds; here every character is looked at a bounded number of times.

const isIdChar = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);

/**
 * Where the `>` after `from` is, remembering the last one found: positions asked for only grow, so
 * the text is searched once in all.
 */
function closer(text: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf('>', from);
    return found;
  };
}

/** A mention found in the text: where it ends (after its `>`) and where its user id lies. */
interface Mention {
  readonly end: number;
  readonly idStart: number;
  readonly idEnd: number;
}

/** The mention starting at `start`, if one starts there. */
function mentionAt(text: string, start: number, nextClose: (from: number) => number): Mention | undefined {
  if (text.charCodeAt(start) !== 0x3c || text.charCodeAt(start + 1) !== 0x40) return undefined;
  let j = start + 2;
  while (j < text.length && isIdChar(text.charCodeAt(j))) j += 1;
  if (j === start + 2) return undefined;
  const after = text.charCodeAt(j);
  const close = after === 0x3e ? j : after === 0x7c ? nextClose(j) : -1;
  return close === -1 ? undefined : { end: close + 1, idStart: start + 2, idEnd: j };
}

/** Whether the character at `at` is white space as `\s` and String.prototype.trim see it. */
function isSpaceAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether the mention's id (found by {@link mentionAt}) is `userId`, compared in place. */
const mentions = (text: string, found: Mention, userId: string | undefined): boolean =>
  userId !== undefined &&
  found.idEnd - found.idStart === userId.length &&
  text.startsWith(userId, found.idStart);

/**
 * The text with every mention of `botUserId` and any mentions it starts with (however many, with
 * whitespace between them) each replaced by a space. Linear in the length of the text.
 */
export function stripMentions(text: string, botUserId: string | undefined): string {
  const nextClose = closer(text);
  let out = '';
  let copiedTo = 0;
  let leading = true;
  for (let i = 0; i < text.length; ) {
    const mention = text.charCodeAt(i) === 0x3c ? mentionAt(text, i, nextClose) : undefined;
    if (mention && (leading || mentions(text, mention, botUserId))) {
      out += `${text.slice(copiedTo, i)} `;
      i = mention.end;
      copiedTo = i;
      continue;
    }
    if (!isSpaceAt(text, i)) leading = false;
    // A mention kept is read on character by character: its label may hold a mention of the bot.
    i += 1;
  }
  return out + text.slice(copiedTo);
}
