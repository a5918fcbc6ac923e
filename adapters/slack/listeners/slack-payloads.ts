import { z } from 'zod';

/**
 * The parts of Slack's interactivity payloads the listeners read, validated: Slack adds fields
 * often (so objects stay loose), but what we use must be there and be the right shape.
 */
export const slackUserSchema = z.looseObject({
  id: z.string().regex(/^[A-Z0-9]{2,64}$/),
  username: z.string().max(200).optional(),
  name: z.string().max(200).optional(),
});

export const blockActionsBodySchema = z.looseObject({
  type: z.literal('block_actions'),
  user: slackUserSchema,
  trigger_id: z.string().min(1).optional(),
  response_url: z.url().optional(),
  channel: z.looseObject({ id: z.string().min(1).max(128) }).optional(),
  container: z.looseObject({ channel_id: z.string().max(128).optional(), message_ts: z.string().max(128).optional() }).optional(),
  message: z.looseObject({ ts: z.string().max(128) }).optional(),
});

export const buttonActionSchema = z.looseObject({
  type: z.literal('button'),
  action_id: z.string(),
  action_ts: z.string().regex(/^\d{1,12}(\.\d{1,9})?$/),
  value: z.string().max(2_000).optional(),
});

export const viewSubmissionBodySchema = z.looseObject({
  type: z.literal('view_submission'),
  user: slackUserSchema,
  view: z.looseObject({
    id: z.string().min(1).max(64),
    callback_id: z.string(),
    private_metadata: z.string().max(3_000).optional(),
    state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.looseObject({ value: z.string().nullish() }))) }),
  }),
});

export type BlockActionsBody = z.infer<typeof blockActionsBodySchema>;
export type ButtonAction = z.infer<typeof buttonActionSchema>;
export type ViewSubmissionBody = z.infer<typeof viewSubmissionBodySchema>;

/** Where the clicked card lives: its channel and message. */
export function cardLocation(body: BlockActionsBody): { channel: string | undefined; messageTs: string | undefined } {
  return { channel: body.channel?.id ?? body.container?.channel_id, messageTs: body.message?.ts ?? body.container?.message_ts };
}

export function displayNameOf(user: z.infer<typeof slackUserSchema>): string | undefined {
  return user.name ?? user.username;
}
