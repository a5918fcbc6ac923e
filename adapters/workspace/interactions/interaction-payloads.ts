import { WORKSPACE_APP_ID, WORKSPACE_TEAM, type WorkspaceUser } from '../workspace-directory.ts';
import type { WorkspaceMessage, WorkspaceView } from '../workspace-store.ts';
import { messageObject } from '../api/chat-methods.ts';

// Slack still sends the deprecated verification token in payloads; Bolt ignores it.
const LEGACY_TOKEN = 'workspace-verification-token';

const userObject = (u: WorkspaceUser) => ({ id: u.id, username: u.handle, name: u.handle, team_id: WORKSPACE_TEAM.id });
const team = { id: WORKSPACE_TEAM.id, domain: WORKSPACE_TEAM.domain };

/** "1767225600.123456": Slack's action_ts format. */
export function actionTs(now: Date): string {
  const ms = now.getTime();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000 + Math.floor(Math.random() * 1000)).padStart(6, '0')}`;
}

/** The clicked element as Slack describes it in `actions[]`. */
export function actionOf(element: Record<string, unknown>, blockId: string, ts: string, selected?: { text: unknown; value: string }): Record<string, unknown> {
  const base = { type: element.type, block_id: blockId, action_id: element.action_id, action_ts: ts };
  if (element.type === 'button') {
    return { ...base, text: element.text, ...(element.value !== undefined ? { value: element.value } : {}), ...(element.style ? { style: element.style } : {}), ...(element.url ? { url: element.url } : {}) };
  }
  if (element.type === 'static_select') return { ...base, selected_option: selected ?? null, ...(element.placeholder ? { placeholder: element.placeholder } : {}) };
  return base;
}

/** block_actions from a message: what Slack POSTs when someone clicks a button or picks an option on it. */
export function blockActionsPayload(input: {
  user: WorkspaceUser;
  channel: { id: string; name: string };
  message: WorkspaceMessage;
  action: Record<string, unknown>;
  triggerId: string;
  responseUrl: string;
}): Record<string, unknown> {
  const { message } = input;
  return {
    type: 'block_actions',
    user: userObject(input.user),
    api_app_id: WORKSPACE_APP_ID,
    token: LEGACY_TOKEN,
    container: { type: 'message', message_ts: message.ts, channel_id: input.channel.id, is_ephemeral: Boolean(message.ephemeralTo), ...(message.threadTs ? { thread_ts: message.threadTs } : {}) },
    trigger_id: input.triggerId,
    team,
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channel.id, name: input.channel.name },
    ...(message.ephemeralTo ? {} : { message: messageObject(message) }),
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [input.action],
  };
}

/** view_submission: the modal's inputs in state.values, keyed by block_id then action_id. */
export function viewSubmissionPayload(input: { user: WorkspaceUser; view: WorkspaceView; values: Record<string, Record<string, unknown>>; triggerId: string }): Record<string, unknown> {
  return {
    type: 'view_submission',
    team,
    user: userObject(input.user),
    api_app_id: WORKSPACE_APP_ID,
    token: LEGACY_TOKEN,
    trigger_id: input.triggerId,
    view: {
      ...input.view.view,
      id: input.view.id,
      team_id: WORKSPACE_TEAM.id,
      app_id: WORKSPACE_APP_ID,
      hash: input.view.hash,
      state: { values: input.values },
      root_view_id: input.view.id,
      previous_view_id: null,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** view_closed: only sent when the view asked for it (notify_on_close). */
export function viewClosedPayload(input: { user: WorkspaceUser; view: WorkspaceView }): Record<string, unknown> {
  return {
    type: 'view_closed',
    team,
    user: userObject(input.user),
    api_app_id: WORKSPACE_APP_ID,
    token: LEGACY_TOKEN,
    view: { ...input.view.view, id: input.view.id, hash: input.view.hash, state: { values: {} } },
    is_cleared: false,
    is_enterprise_install: false,
  };
}

/** A slash command: form-encoded fields, not a JSON payload. */
export function slashCommandBody(input: { user: WorkspaceUser; channel: { id: string; name: string }; command: string; text: string; triggerId: string; responseUrl: string }): string {
  return new URLSearchParams({
    token: LEGACY_TOKEN,
    team_id: WORKSPACE_TEAM.id,
    team_domain: WORKSPACE_TEAM.domain,
    channel_id: input.channel.id,
    channel_name: input.channel.name,
    user_id: input.user.id,
    user_name: input.user.handle,
    command: input.command,
    text: input.text,
    api_app_id: WORKSPACE_APP_ID,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  }).toString();
}

/** block_suggestion: an external_select asks the app for options matching what the person typed. */
export function blockSuggestionPayload(input: { user: WorkspaceUser; view: WorkspaceView; blockId: string; actionId: string; value: string }): Record<string, unknown> {
  return {
    type: 'block_suggestion',
    user: userObject(input.user),
    container: { type: 'view', view_id: input.view.id },
    api_app_id: WORKSPACE_APP_ID,
    token: LEGACY_TOKEN,
    action_id: input.actionId,
    block_id: input.blockId,
    value: input.value,
    team,
    enterprise: null,
    is_enterprise_install: false,
    view: { ...input.view.view, id: input.view.id, team_id: WORKSPACE_TEAM.id, app_id: WORKSPACE_APP_ID, hash: input.view.hash, state: { values: {} } },
  };
}

/** block_actions from a view (the App Home tab): no channel, no response_url, the view instead. */
export function viewBlockActionsPayload(input: { user: WorkspaceUser; view: WorkspaceView; action: Record<string, unknown>; triggerId: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: userObject(input.user),
    api_app_id: WORKSPACE_APP_ID,
    token: LEGACY_TOKEN,
    container: { type: 'view', view_id: input.view.id },
    trigger_id: input.triggerId,
    team,
    enterprise: null,
    is_enterprise_install: false,
    view: { ...input.view.view, id: input.view.id, team_id: WORKSPACE_TEAM.id, app_id: WORKSPACE_APP_ID, hash: input.view.hash, state: { values: {} }, root_view_id: input.view.id, previous_view_id: null },
    actions: [input.action],
  };
}
