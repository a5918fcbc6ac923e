import { randomUUID } from 'node:crypto';

export const TEAMS_TENANT = 'tenant-0001';
export const TEAMS_BOT = { id: '28:procurement-bot-app', name: 'Procurement Bot' } as const;

/** A Teams person as activities carry them (`from`). */
export interface TeamsPerson {
  id: string;
  aadObjectId: string;
  name: string;
}

/** Where an activity happens: a team channel, or a person's personal chat with the bot. */
export type TeamsPlace =
  | { kind: 'channel'; channelId: string; channelName?: string; teamId: string; teamName: string }
  | { kind: 'personal'; conversationId: string };

type Activity = Record<string, unknown>;

function base(type: string, serviceUrl: string, from: TeamsPerson, place: TeamsPlace, conversationId?: string): Activity {
  const channelData: Record<string, unknown> = { tenant: { id: TEAMS_TENANT } };
  if (place.kind === 'channel') {
    channelData.team = { id: place.teamId, name: place.teamName };
    channelData.channel = { id: place.channelId, ...(place.channelName ? { name: place.channelName } : {}) };
  }
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { ...TEAMS_BOT },
    conversation:
      place.kind === 'channel'
        ? { id: conversationId ?? place.channelId, conversationType: 'channel', isGroup: true, tenantId: TEAMS_TENANT }
        : { id: place.conversationId, conversationType: 'personal', tenantId: TEAMS_TENANT },
    channelData,
    locale: 'en-US',
  };
}

/** The bot was added to a team (Teams sends this to the team's channel) or a person installed it. */
export function botAddedActivity(serviceUrl: string, by: TeamsPerson, place: TeamsPlace): Activity {
  const activity = base('conversationUpdate', serviceUrl, by, place);
  activity.membersAdded = [{ id: TEAMS_BOT.id }];
  if (place.kind === 'channel') (activity.channelData as Record<string, unknown>).eventType = 'teamMemberAdded';
  return activity;
}

/** A person installed the app in their personal scope. */
export function installationActivity(serviceUrl: string, by: TeamsPerson, place: TeamsPlace): Activity {
  const activity = base('installationUpdate', serviceUrl, by, place);
  activity.action = 'add';
  return activity;
}

export function messageActivity(serviceUrl: string, from: TeamsPerson, place: TeamsPlace, text: string): Activity {
  const activity = base('message', serviceUrl, from, place);
  activity.text = text;
  activity.textFormat = 'plain';
  return activity;
}

/**
 * A Universal Action (Action.Execute) on a card the bot posted: `adaptiveCard/action` with the
 * verb and the action's data merged with the card's inputs, as Teams sends it.
 */
export function cardActionActivity(
  serviceUrl: string,
  from: TeamsPerson,
  place: TeamsPlace,
  card: { activityId: string },
  action: { verb: string; data: Record<string, unknown>; trigger?: 'manual' | 'automatic' },
): Activity {
  // A click on a channel post arrives in the post's thread.
  const conversationId = place.kind === 'channel' ? `${place.channelId};messageid=${card.activityId}` : undefined;
  const activity = base('invoke', serviceUrl, from, place, conversationId);
  activity.name = 'adaptiveCard/action';
  activity.replyToId = card.activityId;
  activity.value = { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: action.trigger ?? 'manual' };
  return activity;
}

export interface ActivityAnswer {
  status: number;
  body: unknown;
  text: string;
}

/** POSTs an activity to the bot's /api/messages as the Bot Connector does. */
export async function postActivity(botUrl: string, activity: unknown, headers: Record<string, string> = {}): Promise<ActivityAnswer> {
  const res = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof activity === 'string' ? activity : JSON.stringify(activity) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the text is the body.
  }
  return { status: res.status, body, text };
}
