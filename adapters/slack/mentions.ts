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

/** The end (index after `>`) and user id of the mention starting at `start`, if one starts there. */
function mentionAt(
  text: string,
  start: number,
  nextClose: (from: number) => number,
): { end: number; id: string } | undefined {
  if (text.charCodeAt(start) !== 0x3c || text.charCodeAt(start + 1) !== 0x40) return undefined;
  let j = start + 2;
  while (j < text.length && isIdChar(text.charCodeAt(j))) j += 1;
  if (j === start + 2) return undefined;
  const id = text.slice(start + 2, j);
  if (text[j] === '>') return { end: j + 1, id };
  if (text[j] !== '|') return undefined;
  const close = nextClose(j);
  return close === -1 ? undefined : { end: close + 1, id };
}

const isSpace = (c: string | undefined): boolean => c !== undefined && c.trim() === '';

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
    if (mention && (leading || mention.id === botUserId)) {
      out += `${text.slice(copiedTo, i)} `;
      i = mention.end;
      copiedTo = i;
      continue;
    }
    if (!isSpace(text[i])) leading = false;
    // A mention kept is read on character by character: its label may hold a mention of the bot.
    i += 1;
  }
  return out + text.slice(copiedTo);
}
