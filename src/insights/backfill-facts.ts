import type { TrackedException } from '../alerts/lifecycle/tracked-exception.ts';
import type { ApprovalRequest } from '../approvals/approval-request.ts';
import type { AuditEntry } from '../ports/audit-log.ts';
import { approvalFacts, type InsightClock } from './approval-facts.ts';
import { exceptionFacts } from './exception-facts.ts';
import type { InsightFact } from './insight-fact.ts';

/**
 * Facts for records stored before the recorder existed (the one-time backfill). They come from the
 * same pure functions as live recording, fed the transitions the stored final state implies, so a
 * backfilled record counts exactly as a live-recorded one would (same members, weeks and scores).
 */

/**
 * When each reminder or escalation step of a request was done. The request only lists the steps
 * (in the order they were claimed); the audit log has one `remind` / `escalate` line per step, in
 * the same order, with its time. A step whose audit line is gone (trimmed by retention) is left out:
 * its week is unknown, and counting it in a wrong week would be worse than not counting it.
 */
export function datedSteps(r: ApprovalRequest, audit: readonly AuditEntry[]): Array<{ step: string; at: Date }> {
  const lines = audit.filter((e) => e.requestId === r.id && (e.code === 'remind' || e.code === 'escalate')).sort((a, b) => a.at.localeCompare(b.at));
  const queue = { remind: lines.filter((e) => e.code === 'remind'), escalate: lines.filter((e) => e.code === 'escalate') };
  const out: Array<{ step: string; at: Date }> = [];
  for (const step of r.stepsDone ?? []) {
    const line = (step.startsWith('escalate') ? queue.escalate : step.startsWith('remind') ? queue.remind : []).shift();
    if (line) out.push({ step, at: new Date(line.at) });
  }
  return out;
}

/** The reminder and escalation facts of a stored request: each step as the change that added it, at its audit time. */
export function approvalStepFacts(r: ApprovalRequest, audit: readonly AuditEntry[], clock: InsightClock): InsightFact[] {
  const dated = datedSteps(r, audit);
  const facts: InsightFact[] = [];
  // before and after differ only by the one step: the decision and levels are not new, so only the step counts
  for (const { step, at } of dated) {
    const others = (r.stepsDone ?? []).filter((s) => s !== step);
    facts.push(...approvalFacts({ ...r, stepsDone: others }, { ...r, stepsDone: [...others, step] }, clock, at));
  }
  return facts;
}

/**
 * The stored exception as the transitions it went through: opened (as first seen, not yet
 * acknowledged), then the change to its stored state (acknowledged and/or cleared).
 */
export function exceptionTransitions(t: TrackedException): Array<[TrackedException | null, TrackedException]> {
  const opened: TrackedException = { ...t, status: 'open', acknowledged: null, clearedAt: null, clearedReason: null };
  return [[null, opened], [opened, t]];
}

export function storedExceptionFacts(t: TrackedException, clock: InsightClock): InsightFact[] {
  return exceptionTransitions(t).flatMap(([before, after]) => exceptionFacts(before, after, clock));
}
