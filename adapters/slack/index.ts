// The Slack front end: the Bolt app factory and its pure renderers.
export { createSlackApp, SLACK_EVENTS_PATH, type SlackApp, type SlackAppOptions } from './app.js';
export { MAX_BLOCKS, type RenderOptions, renderBlocks, type SlackMessage } from './blocks.js';
export { copyText, renderCopyMessage } from './copy-text.js';
export { renderHome } from './home.js';
export { escapeMrkdwn } from './mrkdwn.js';
