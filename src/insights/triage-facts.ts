import type { TriageProposal } from '../triage/flow/triage-proposal.ts';
import type { InsightClock } from './approval-facts.ts';
import { factKey, type InsightFact } from './insight-fact.ts';
import { weekOf } from './insight-week.ts';

export type TriageOutcome = 'unchanged' | 'changed' | 'dismissed';

/** The reader that proposed: the email reading's provider, or the finance rules for bill mismatches. */
export function readerOf(p: TriageProposal): string {
  return p.kind === 'supplier-email' ? p.reading.provider : 'finance-rules';
}

/** A vendor confirmation a person confirmed in chat: the PO and when (its latency needs the PO's date). */
export interface VendorConfirmation {
  orderId: number;
  at: string;
}

/**
 * The facts of a triage decision: confirmed as proposed, confirmed as another category, or
 * dismissed, filed by week, the proposed category and the reader. A confirmed `confirmation`
 * email is also the vendor confirming the PO, returned apart for the supplier scorecard.
 */
export function triageFacts(before: TriageProposal | null, after: TriageProposal | null, clock: InsightClock): { facts: InsightFact[]; confirmation: VendorConfirmation | null } {
  const d = after?.decision;
  if (!after || !d || before?.decision?.id === d.id) return { facts: [], confirmation: null };
  const outcome: TriageOutcome = d.action === 'dismiss' ? 'dismissed' : d.category === after.proposed ? 'unchanged' : 'changed';
  const week = weekOf(d.at, clock.timeZone);
  const reader = readerOf(after);
  const facts: InsightFact[] = [
    { key: factKey('tr', outcome, week, after.proposed, reader), member: after.id, score: 0 },
    { key: factKey('tr', 'combos', week), member: `${after.proposed}\t${reader}`, score: 0 },
  ];
  const confirmation = d.action === 'confirm' && d.category === 'confirmation' && after.kind === 'supplier-email' && after.order ? { orderId: after.order.id, at: d.at } : null;
  return { facts, confirmation };
}
