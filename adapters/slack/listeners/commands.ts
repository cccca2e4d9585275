import type { App } from '@slack/bolt';
import type { ListenerDeps } from './deps.js';

/** `/jsev <query>`: answered in the ack, ephemeral, with the Share button. */
export function register(app: App, deps: ListenerDeps): void {
  app.command('/jsev', async ({ command, ack }) => {
    // Slack always sends `text` (empty for a bare /jsev); a form without it asks nothing either.
    const text = typeof command.text === 'string' ? command.text : '';
    await ack({ response_type: 'ephemeral', ...deps.answer('command', text).ephemeral });
  });
}
