import { describe, expect, it } from 'vitest';
import { claimOnce, slackActionKey, slackEventKey } from '../../../adapters/dedupe/keys.js';
import { MemoryDedupeStore } from '../../../adapters/dedupe/store.js';

const press = {
  type: 'block_actions',
  team: { id: 'T1' },
  user: { id: 'U1' },
  trigger_id: '13345224609.738474920.8088930838d88f008e0',
  actions: [{ action_id: 'share', action_ts: '1795722164.411' }],
};

describe('dedupe keys', () => {
  it('keys a Slack event by its team and event id, the same in every retry', () => {
    const event = { type: 'event_callback', team_id: 'T1', event_id: 'Ev08MFMKH6J3' };
    expect(slackEventKey(event)).toBe('slack:event:T1:Ev08MFMKH6J3');
    expect(slackEventKey({ ...event })).toBe(slackEventKey(event));
  });

  it('has no key for an event without an id', () => {
    expect(slackEventKey({ team_id: 'T1' })).toBeUndefined();
    expect(slackEventKey({ team_id: 'T1', event_id: 42 })).toBeUndefined();
  });

  it('keys a Slack button press by its trigger id, so a replayed copy has the same key', () => {
    expect(slackActionKey(press)).toBe('slack:action:T1:13345224609.738474920.8088930838d88f008e0');
    expect(slackActionKey(structuredClone(press))).toBe(slackActionKey(press));
  });

  it('gives a second press of the same button a different key', () => {
    const again = {
      ...press,
      trigger_id: '13345224609.738474920.ffff',
      actions: [{ action_ts: '1795722170.002' }],
    };
    expect(slackActionKey(again)).not.toBe(slackActionKey(press));
  });

  it('keys a press without a trigger id by the member and the action timestamp', () => {
    const { trigger_id: _, ...withoutTrigger } = press;
    expect(slackActionKey(withoutTrigger)).toBe('slack:action:T1:U1:1795722164.411');
    expect(slackActionKey({ team: null, user: null, actions: [] })).toBeUndefined();
  });

  it('acts on a request without a key, and once on a keyed one', async () => {
    const store = new MemoryDedupeStore();
    expect(await claimOnce(store, undefined)).toBe(true);
    expect(await claimOnce(store, undefined)).toBe(true);
    expect(await claimOnce(store, 'slack:event:T1:Ev1')).toBe(true);
    expect(await claimOnce(store, 'slack:event:T1:Ev1')).toBe(false);
  });
});
