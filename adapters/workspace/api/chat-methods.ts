import { BOT_ID, BOT_USER, userById } from '../workspace-directory.ts';
import type { WorkspaceMessage } from '../workspace-store.ts';
import { blocksArg, fail, resolveChannel, str, type ApiArgs, type ApiMethod } from './api-context.ts';

const MAX_TEXT = 40_000;

function content(args: ApiArgs): { text: string; blocks?: unknown[] } | { error: string } {
  const text = str(args.text) ?? '';
  const { blocks, error } = blocksArg(args.blocks);
  if (error) return { error };
  if (!text && !blocks) return { error: 'no_text' };
  if (text.length > MAX_TEXT) return { error: 'msg_too_long' };
  return blocks ? { text, blocks } : { text };
}

/** The message object Slack returns with postMessage / update. */
export function messageObject(m: WorkspaceMessage): Record<string, unknown> {
  return {
    type: 'message',
    ...(m.botId ? { subtype: 'bot_message', bot_id: m.botId } : {}),
    user: m.user,
    text: m.text,
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ts: m.ts,
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
  };
}

/** chat.postMessage: a message (or a thread reply with thread_ts) by the bot. */
export const chatPostMessage: ApiMethod = async (args, ctx) => {
  const channel = resolveChannel(ctx, args.channel);
  if (!channel) return fail('channel_not_found');
  const body = content(args);
  if ('error' in body) return fail(body.error);
  const threadTs = str(args.thread_ts);
  if (threadTs && !(await ctx.store.get(channel.id, threadTs))) return fail('thread_not_found');
  const posted = await ctx.store.post({ channel: channel.id, user: BOT_USER.id, botId: BOT_ID, ...body, ...(threadTs ? { threadTs } : {}) });
  // Slack answers with the channel id even when the bot posted by name or to a user id.
  return { ok: true, channel: channel.id, ts: posted.ts, message: messageObject(posted) };
};

/** chat.update: replaces a message the bot posted. */
export const chatUpdate: ApiMethod = async (args, ctx) => {
  const channel = resolveChannel(ctx, args.channel);
  if (!channel) return fail('channel_not_found');
  const ts = str(args.ts);
  if (!ts) return fail('message_not_found');
  const current = await ctx.store.get(channel.id, ts);
  if (!current || current.ephemeralTo) return fail('message_not_found');
  if (current.user !== BOT_USER.id) return fail('cant_update_message');
  const body = content(args);
  if ('error' in body) return fail(body.error);
  const updated = await ctx.store.update(channel.id, ts, body);
  if (!updated) return fail('message_not_found');
  return { ok: true, channel: channel.id, ts, text: updated.text, message: messageObject(updated) };
};

/** chat.postEphemeral: a message only `user` sees, in a conversation they are in. */
export const chatPostEphemeral: ApiMethod = async (args, ctx) => {
  const channel = resolveChannel(ctx, args.channel);
  if (!channel) return fail('channel_not_found');
  const user = userById(str(args.user) ?? '');
  if (!user || user.isBot) return fail('user_not_found');
  if (channel.dmOf && channel.dmOf.id !== user.id) return fail('user_not_in_channel');
  const body = content(args);
  if ('error' in body) return fail(body.error);
  const threadTs = str(args.thread_ts);
  // Slack shows it at the bottom of the conversation; when it answers the person's click (a
  // refusal from a worker), the workspace shows it under the card they clicked instead.
  const nearTs = threadTs ? null : await ctx.store.lastClicked(user.id, channel.id);
  const posted = await ctx.store.post({ channel: channel.id, user: BOT_USER.id, botId: BOT_ID, ...body, ephemeralTo: user.id, ...(threadTs ? { threadTs } : {}), ...(nearTs ? { nearTs } : {}) });
  return { ok: true, message_ts: posted.ts };
};
