import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryFromMessage } from '../../../adapters/slack/listeners/events.js';
import { stripMentions } from '../../../adapters/slack/mentions.js';

const BOT = 'U0BOT';

/** The regular expressions stripMentions replaced (quadratic on a forged message), as the reference. */
function byRegex(text: string, botUserId: string): string {
  const query = text.replaceAll(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ');
  return query.replace(/^(\s*<@[A-Z0-9]+(\|[^>]*)?>)+/, ' ');
}

/** The fastest of a few runs, in milliseconds: the machine's load only ever adds time. */
function fastestMs(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('mentions in message text', () => {
  it('lose the bot’s mention anywhere and any mentions the text starts with', () => {
    expect(queryFromMessage(`<@U0OTHER> <@${BOT}|jsev> 上清液 <@${BOT}> &amp; <@U0OTHER>`, BOT)).toBe(
      '上清液   & <@U0OTHER>',
    );
  });

  it('lose the bot’s mention inside another mention’s label, as the regular expressions did', () => {
    expect(stripMentions(`EV <@U0OTHER|<@${BOT}>`, BOT)).toBe(byRegex(`EV <@U0OTHER|<@${BOT}>`, BOT));
  });

  it('are removed the same trimmed way as the regular expressions did, for any text of mentions, bars and brackets', () => {
    const piece = fc.constantFrom('<@', BOT, 'U0OTHER', '|', '>', '<', ' ', 'a', '上清液', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(stripMentions(text, BOT).trim()).toBe(byRegex(text, BOT).trim());
      }),
      { numRuns: 2000 },
    );
  });

  // The forged 98 KB DMs of issue 12 took seconds each with the regular expressions; linear work on
  // 98 KB is well under a millisecond, so 50 ms only fails for work that grows faster than the text.
  it.each([
    ['unclosed bot mentions with a bar', `<@${BOT}|`],
    ['unclosed mention openings', '<@'],
    ['unclosed mentions of another user', '<@U0OTHER|x'],
    ['leading mentions with a bar and no end', ' <@U1|'],
    ['bot mentions whose label holds an opening', `<@${BOT}|<@`],
  ])('take under 50 ms for a 98 KB message of %s', (_name, unit) => {
    const text = unit.repeat(Math.ceil(98_000 / unit.length));
    expect(fastestMs(() => queryFromMessage(text, BOT))).toBeLessThan(50);
  });
});
