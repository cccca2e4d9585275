import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/** The parts of a Slack app manifest these tests read. */
interface SlackManifest {
  display_information: { name: string; long_description: string };
  features: {
    slash_commands: [{ description: string; usage_hint: string; [key: string]: unknown }];
    app_home: Record<string, unknown>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: unknown; interactivity: unknown };
}

const manifest = load(
  readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8'),
) as SlackManifest;

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
