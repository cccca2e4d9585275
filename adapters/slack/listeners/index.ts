// Every listener of the Slack app, one file per kind, as in Slack's bolt-ts-starter-template.
import type { App } from '@slack/bolt';
import { register as actions } from './actions.js';
import { register as commands } from './commands.js';
import { register as copyAll } from './copy-all.js';
import type { ListenerDeps } from './deps.js';
import { register as events } from './events.js';
import { register as home } from './home.js';

/** Registers the command, button (answers, copy all), event and App Home listeners on `app`. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  commands(app, deps);
  actions(app, deps);
  copyAll(app, deps);
  events(app, deps);
  home(app, deps);
}
