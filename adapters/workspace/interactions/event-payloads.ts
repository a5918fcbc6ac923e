import { randomBytes } from 'node:crypto';
import { BOT_USER, WORKSPACE_APP_ID, WORKSPACE_TEAM, directChannelOf, type WorkspaceUser } from '../workspace-directory.ts';
import type { WorkspaceMessage } from '../workspace-store.ts';

// Slack still sends the deprecated verification token in event envelopes; Bolt ignores it.
const LEGACY_TOKEN = 'workspace-verification-token';

/** The Events API event a person's message makes, or null when the app is not subscribed to it. */
export type MessageEventKind = 'message.im' | 'app_mention';

/** `<@U0PROCUREBOT>` anywhere in the text: how Slack's text carries a mention of the bot. */
export function mentionsBot(text: string): boolean {
  return new RegExp(`<@${BOT_USER.id}(?:\\|[^>]*)?>`).test(text);
}

/**
 * Which event Slack delivers for a person's message, given the app's subscriptions in
 * manifest/slack.yaml (app_mention, message.im): a message in the bot's DM is `message.im`; a
 * message in a channel reaches the app only when it mentions the bot (`app_mention`).
 */
export function eventKindOf(message: Pick<WorkspaceMessage, 'text'>, inDirectMessage: boolean): MessageEventKind | null {
  if (inDirectMessage) return 'message.im';
  return mentionsBot(message.text) ? 'app_mention' : null;
}

/** The inner event, shaped as Slack sends `message` (channel_type im) and `app_mention`. */
function innerEvent(kind: MessageEventKind, user: WorkspaceUser, message: WorkspaceMessage): Record<string, unknown> {
  const common = {
    user: user.id,
    text: message.text,
    ts: message.ts,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    team: WORKSPACE_TEAM.id,
    channel: message.channel,
    event_ts: message.ts,
    client_msg_id: clientMsgId(),
    blocks: [{ type: 'rich_text', block_id: randomBytes(3).toString('hex'), elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: message.text }] }] }],
  };
  return kind === 'message.im' ? { type: 'message', ...common, channel_type: 'im' } : { type: 'app_mention', ...common };
}

/**
 * The signed-and-POSTed body of the Events API: an `event_callback` envelope around the event,
 * with the authorizations Slack lists (the bot's own installation).
 */
export function eventCallbackPayload(kind: MessageEventKind, user: WorkspaceUser, message: WorkspaceMessage, eventTimeSeconds: number): Record<string, unknown> {
  return {
    token: LEGACY_TOKEN,
    team_id: WORKSPACE_TEAM.id,
    context_team_id: WORKSPACE_TEAM.id,
    context_enterprise_id: null,
    api_app_id: WORKSPACE_APP_ID,
    event: innerEvent(kind, user, message),
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: eventTimeSeconds,
    authorizations: [{ enterprise_id: null, team_id: WORKSPACE_TEAM.id, user_id: BOT_USER.id, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(24).toString('base64url')}`,
  };
}

/** Slack's client_msg_id: a UUID the client made for the message. */
function clientMsgId(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** app_home_opened: the person opened the app's Home tab (the app publishes it with views.publish). */
export function appHomeOpenedPayload(user: WorkspaceUser, viewId: string | null, eventTimeSeconds: number): Record<string, unknown> {
  const ts = `${eventTimeSeconds}.000100`;
  return {
    token: LEGACY_TOKEN,
    team_id: WORKSPACE_TEAM.id,
    api_app_id: WORKSPACE_APP_ID,
    event: { type: 'app_home_opened', user: user.id, channel: directChannelOf(user.id), tab: 'home', event_ts: ts, ...(viewId ? { view: { id: viewId } } : {}) },
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: eventTimeSeconds,
    authorizations: [{ enterprise_id: null, team_id: WORKSPACE_TEAM.id, user_id: BOT_USER.id, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}
