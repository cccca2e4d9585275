import type { App } from '@slack/bolt';
import { describeError } from '../../../src/log.js';
import { renderHome } from '../home.js';
import type { ListenerDeps } from './deps.js';

/** The App Home tab, published when a member opens it (rendered once: it follows the corpus only). */
export function register(app: App, { retriever, log }: ListenerDeps): void {
  const home = renderHome(retriever);
  app.event('app_home_opened', async ({ event, client }) => {
    // Without a member to show it to, there is nothing to publish (and views.publish would fail).
    if (event.tab !== 'home' || typeof event.user !== 'string' || event.user === '') return;
    try {
      await client.views.publish({ user_id: event.user, view: home });
    } catch (error) {
      // Logged once here; the member sees the previous Home tab, or none, and can open it again.
      log.error(
        { err: describeError(error), method: 'views.publish' },
        'Slack App Home could not be published',
      );
    }
  });
}
