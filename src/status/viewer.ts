import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { Approver, ApprovalRules } from '../approvals/approval-rules.ts';
import { resolveApprover } from '../approvals/resolve-approver.ts';
import type { ChatProfile } from '../ports/chat.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';

/** Who asks: the chat user and the Odoo user behind them (their companies bound what they see). */
export interface Viewer {
  chat: ChatUserRef;
  odoo: Approver;
}

export type ViewerResolution = { ok: true; viewer: Viewer } | { ok: false; code: string; message: string };

/**
 * Chat user -> Odoo user, the same way approvals do it (policy identities first, else the chat
 * profile's email against res.users login or email), with a message that says how to get mapped.
 */
export async function identifyViewer(
  chat: ChatUserRef,
  deps: { odoo: OdooGateway; rules: ApprovalRules; profile: (u: ChatUserRef) => Promise<ChatProfile | null> },
): Promise<ViewerResolution> {
  const found = await resolveApprover(chat, { odoo: deps.odoo, rules: deps.rules, profile: deps.profile });
  if (found.ok) return { ok: true, viewer: { chat, odoo: found.approver } };
  return { ok: false, code: found.code, message: unmappedMessage(found.code, found.message) };
}

function unmappedMessage(code: string, detail: string): string {
  const how =
    'To get mapped, either give your Odoo user the same email as your chat profile (its login or email), ' +
    'or ask the bot admin to add you under `identities:` in the policy file (your chat user id -> your Odoo login).';
  if (code === 'inactive_user') return `${detail} ${how}`;
  return `I don't know who you are in Odoo, so I can't show purchase orders. ${detail.replace(/ Ask an admin.*$/, '')} ${how}`;
}
