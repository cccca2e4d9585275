import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(
  readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8'),
);

describe('Slack app manifest', () => {
  it('declares /jsev with a Japanese description and usage hint on the events URL', () => {
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({
      command: '/jsev',
      url: 'https://YOUR-HOST/slack/events',
      should_escape: false,
    });
    expect(command.description).toMatch(/[\p{Script=Han}]/u);
    expect(command.usage_hint).toContain('要点');
  });

  it('asks for exactly the bot scopes the app uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'im:history',
    ]);
  });

  it('subscribes to mentions, DMs and App Home, with interactivity on the same URL', () => {
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: 'https://YOUR-HOST/slack/events',
      bot_events: ['app_mention', 'message.im', 'app_home_opened'],
    });
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://YOUR-HOST/slack/events',
    });
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it('keeps the long description within Slack’s 175 to 4,000 characters', () => {
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.display_information.long_description.length).toBeLessThanOrEqual(4000);
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
  });
});
