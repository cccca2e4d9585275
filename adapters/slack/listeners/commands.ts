import type { App } from '@slack/bolt';
import type { ListenerDeps } from './deps.js';

/** `/jsev <query>`: answered in the ack, ephemeral, with the Share button. */
export function register(app: App, deps: ListenerDeps): void {
  app.command('/jsev', async ({ command, ack }) => {
    await ack({ response_type: 'ephemeral', ...deps.answer('command', command.text).ephemeral });
  });
}
