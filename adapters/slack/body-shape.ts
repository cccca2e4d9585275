// The shapes of the Slack requests this app handles, as far as Bolt and the listeners read them. A
// signed body of another shape (`null`, an array, a number where an object belongs) is refused with
// 400 before Bolt sees it: Bolt and the listeners read these fields without checking their types.
import { z } from 'zod';

const text = z.string().optional();
const object = z.looseObject({});
// A workspace or organisation ID as Slack writes them (T0123ABCD, E0123ABCD): Bolt keeps its clients
// in a plain object keyed by it, so a team named valueOf or __proto__ would reach Object.prototype.
const slackId = z
  .string()
  .regex(/^[A-Z0-9]*$/)
  .optional();
const authorization = z.looseObject({ team_id: slackId.nullable(), enterprise_id: slackId.nullable() });

/** Events API deliveries (`event_callback`): the fields Bolt routes by and the listeners read. */
const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: text,
  team_id: slackId,
  enterprise_id: slackId.nullable(),
  authorizations: z.array(authorization).optional(),
  event: z.looseObject({
    type: z.string(),
    text,
    user: text,
    channel: z.union([z.string(), object]).optional(),
    item: object.optional(),
    channel_type: text,
    subtype: text,
    ts: text,
    thread_ts: text,
    tab: text,
  }),
});

/** Button presses (`block_actions`, the `payload` field of a form). */
const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id: z.string() }),
  team: z.looseObject({ id: slackId }).nullable().optional(),
  enterprise: z.looseObject({ id: slackId }).nullable().optional(),
  channel: object.nullable().optional(),
  trigger_id: text,
  response_url: text,
  container: z.looseObject({ is_ephemeral: z.boolean().optional() }).optional(),
  message: z.looseObject({ ts: text, thread_ts: text }).optional(),
  actions: z
    .array(z.looseObject({ type: z.string(), action_id: z.string(), value: text, action_ts: text }))
    .min(1),
});

/** Slack's check of the Request URL, answered with its challenge. */
const urlVerification = z.looseObject({ type: z.literal('url_verification'), challenge: z.string() });

/** Slack's notice that it is holding events back; Bolt logs it and acknowledges. */
const rateLimited = z
  .looseObject({ type: z.literal('app_rate_limited') })
  .refine((body) => !('event' in body || 'actions' in body || 'command' in body || 'name' in body));

/** Any JSON request or interactive payload: an object that says its type. */
const typed = z.looseObject({ type: z.string() });

// The app has no shortcuts, views or menus, so Slack sends nothing else; anything else is refused.
const shapes: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ['event_callback', eventCallback],
  ['block_actions', blockActions],
  ['url_verification', urlVerification],
  ['app_rate_limited', rateLimited],
]);

/** A slash command: a form whose every field is one string (a repeated field would be an array). */
const command = z
  .record(z.string(), z.string())
  .refine((fields) => typeof fields.command === 'string')
  .refine((fields) => [fields.team_id, fields.enterprise_id].every((id) => slackId.safeParse(id).success));

/** Whether a signed, parsed body has the shape of a Slack request (`form`: a form without `payload`). */
export function isSlackBody(body: unknown, form: boolean): boolean {
  if (form) return command.safeParse(body).success;
  const kind = typed.safeParse(body);
  if (!kind.success) return false;
  return shapes.get(kind.data.type)?.safeParse(body).success ?? false;
}
