import type { AuditLog } from '../ports/audit-log.ts';
import type { ApprovalStore } from '../ports/approval-store.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { ApprovalRequest } from './approval-request.ts';
import type { ApprovalRules } from './approval-rules.ts';
import { enqueueCardUpdates, enqueuePostCards } from './notify-jobs.ts';
import { currentLevel, newChain } from './approval-chain.ts';
import { routeTargets, type DelegationLookup } from './delegation-routing.ts';
import { snapshotVersion } from './po-snapshot.ts';
import { readPoSubject, type PoSubject } from './read-po-subject.ts';
import { refreshedRequest } from './refresh-request.ts';
import type { KnownOdooUsers } from '../ports/known-odoo-users.ts';
import { KNOWN_USER_FRESH_MS, rememberApprovers } from './find-odoo-users.ts';

export interface RequestApprovalDeps {
  odoo: OdooGateway;
  store: ApprovalStore;
  audit: AuditLog;
  queue: JobQueue;
  rules: ApprovalRules;
  now: () => Date;
  /** Absent approvers' cards go to their delegates; without it, cards go to the approvers. */
  delegations?: DelegationLookup;
  /** The policy's approvers are read from Odoo here, so their clicks are recorded without Odoo. */
  known?: KnownOdooUsers;
}

export type RequestOutcome = 'requested' | 'already_requested' | 'refreshed' | 'not_waiting' | 'missing';

/**
 * A PO waits for approval (webhook or scan said so): open one request for it and post its cards.
 * Repeats for the same version change nothing; a new version of a waiting PO refreshes the
 * existing cards (a click on the old version is then refused as stale).
 */
export async function requestApproval(orderId: number, deps: RequestApprovalDeps): Promise<RequestOutcome> {
  const subject = await readPoSubject(deps.odoo, orderId);
  if (!subject) return 'missing';
  if (subject.snapshot.state !== 'to approve') return 'not_waiting';
  const version = snapshotVersion(subject.snapshot);

  const existing = await deps.store.openFor(orderId);
  if (existing) return refresh(existing, subject, version, deps);

  const match = deps.rules.match(subject.subject);
  const now = deps.now().toISOString();
  const requestedAt = subject.waitingSince?.toISOString() ?? now;
  const chain = match.levels ? newChain(match.levels, requestedAt) : null;
  const routed = await routeTargets(match.targets, (chain && currentLevel(chain)?.level) || 1, deps.delegations, deps.now());
  const request: ApprovalRequest = {
    id: `po-${orderId}-${version}`,
    orderId,
    revision: 1,
    version,
    snapshot: subject.snapshot,
    subject: subject.subject,
    changes: [],
    ruleName: match.ruleName,
    reason: match.reason,
    rejectAction: match.rejectAction,
    confirmAbove: match.confirmAbove,
    requestedAt,
    status: 'pending',
    decision: null,
    writeback: null,
    elsewhere: null,
    targets: routed.targets,
    cards: [],
    // Sequential rules: level 1 is asked first (the targets above); later levels when it approves.
    ...(chain ? { chain } : {}),
    ...(routed.delegated.length ? { delegated: routed.delegated } : {}),
  };
  const opened = await deps.store.open(request);
  if (!opened.created) return refresh(opened.request, subject, version, deps);
  await enqueuePostCards(deps.queue, request);
  await rememberApproversIfStale(deps);
  await deps.audit.record({
    at: now, orderId, orderName: subject.snapshot.orderName, requestId: request.id, action: 'request', outcome: 'requested',
    actor: null, odooLogin: null, version, channel: null, code: match.ruleName, detail: match.reason,
  });
  return 'requested';
}

/** Once in a while (not per PO): the approvers' Odoo identities, for clicks while Odoo is down. */
async function rememberApproversIfStale(deps: RequestApprovalDeps): Promise<void> {
  const logins = deps.rules.approverLogins?.() ?? [];
  if (!deps.known || logins.length === 0) return;
  const last = await deps.known.find(`login:${logins[0]!.toLowerCase()}`);
  if (last && deps.now().getTime() - last.at.getTime() < KNOWN_USER_FRESH_MS / 2) return;
  await rememberApprovers(logins, { odoo: deps.odoo, known: deps.known, now: deps.now });
}

async function refresh(existing: ApprovalRequest, current: PoSubject, version: string, deps: RequestApprovalDeps): Promise<RequestOutcome> {
  if (existing.version === version || existing.status !== 'pending') return 'already_requested';
  const at = deps.now().toISOString();
  const updated = await deps.store.update(existing.id, (r) => (r.status === 'pending' && r.version !== version ? refreshedRequest(r, current, version, deps.rules, at) : r));
  if (updated) await enqueueCardUpdates(deps.queue, updated);
  return 'refreshed';
}

