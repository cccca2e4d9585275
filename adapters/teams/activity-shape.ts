// The shape of a Bot Framework activity, as far as botbuilder and the bot read it without checking.
// botbuilder reads `entities[i].type.toLowerCase()`, a mention's `mentioned.id`, `conversation.id`,
// `recipient.id` and `membersAdded[i].id` as they come, so an activity missing one of them failed
// its turn with an error line (and a 501 for an invoke). Teams always sends these fields with these
// types; an activity that lacks them is refused with 400 before botbuilder sees it. Everything else
// is optional.
import { z } from 'zod';

const text = z.string().optional();
/** An account (a member or a bot): botbuilder addresses replies by its id. */
const account = z.looseObject({ id: z.string(), role: text, name: text });

/** A mention (botbuilder strips `text` of the mention whose `mentioned.id` is the bot) or another entity. */
const mention = z.looseObject({ mentioned: account, text: z.string() });
const entity = z
  .looseObject({ type: z.string() })
  .refine((e) => e.type.toLowerCase() !== 'mention' || mention.safeParse(e).success);

const activityShape = z.looseObject({
  type: z.string().min(1),
  // A reply copies these into the activity it sends, whose serialiser refuses anything but text.
  id: text,
  channelId: text,
  serviceUrl: z.string(),
  // The invoke's name: what the bot dispatches on (and logs).
  name: text,
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: z.string(), tenantId: text, conversationType: text }),
  channelData: z
    .looseObject({ tenant: z.looseObject({ id: text }).nullable().optional() })
    .nullable()
    .optional(),
  text,
  locale: text,
  replyToId: text,
  attachments: z.array(z.looseObject({})).optional(),
  entities: z.array(entity).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
});

/** Whether a parsed body is an activity botbuilder and the bot can read (see the module comment). */
export function isReadableActivity(body: unknown): boolean {
  return activityShape.safeParse(body).success;
}

/**
 * Whether an activity was sent by a bot account: Bot Framework marks its role `bot`, and Teams' bot
 * ids start with `28:` (members' with `29:`).
 */
export function isFromBot(activity: Readonly<Record<string, unknown>>): boolean {
  const from = activity.from as { id?: unknown; role?: unknown } | undefined;
  return from?.role === 'bot' || (typeof from?.id === 'string' && from.id.startsWith('28:'));
}
