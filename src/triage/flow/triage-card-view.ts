import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import { daysBetween } from '../dates/calendar-day.ts';
import { EMAIL_CATEGORIES } from '../email-reading.ts';
import { MISMATCH_CATEGORIES } from '../finance/mismatch-category.ts';
import { needsCategoryPick, type BillProposal, type EmailProposal, type TriageProposal } from './triage-proposal.ts';

/** The card's state line and which controls it shows. */
export type TriageCardStatus =
  | { kind: 'open' }
  | { kind: 'queued'; category: string; by: string }
  | { kind: 'retrying'; category: string; by: string; attempt: number; reason: string }
  | { kind: 'written'; category: string; by: string; at: string; summary: string }
  | { kind: 'failed'; category: string; by: string; reason: string; retryableBy: ChatUserRef }
  | { kind: 'dismissed'; by: string; at: string };

/**
 * What a triage card shows, independent of Slack or Teams. Every text field holds RAW text (from
 * the email, the provider or Odoo): the renderer escapes it for its markup.
 */
export interface TriageCardView {
  proposalId: string;
  revision: number;
  kind: TriageProposal['kind'];
  title: string;
  summary: string;
  /** The choices of the category select, in order. */
  categories: readonly string[];
  category: string;
  /**
   * The reader is not sure and nobody has picked yet: show no category, pre-select nothing in
   * the select, and offer no Confirm until a person picks one.
   */
  needsPick: boolean;
  proposed: string;
  changedBy: string | null;
  confidence: number | null;
  provider: string;
  /** Set when the preferred provider failed and the heuristic answered. */
  fallbackReason: string | null;
  facts: Array<{ label: string; value: string }>;
  /** The sentence the reading relied on, quoted from the email (or the facts of a bill). */
  evidence: string;
  /** The email holds instructions aimed at the bot: warn, and say nothing happens automatically. */
  injectionSuspected: boolean;
  /** Where it came from ("From ... · Subject ..."), in words. */
  origin: string;
  /** What will be written on Confirm for the selected category, in words. */
  onConfirm: string;
  odooUrl: string | null;
  status: TriageCardStatus;
}

/** Words for a category id: `partial_shipment` -> `partial shipment`. */
export function categoryWords(category: string): string {
  return category.replace(/_/g, ' ');
}

/** The card of a proposal in its newest state. */
export function triageCardViewOf(p: TriageProposal, options: { odooUrl: string }): TriageCardView {
  const base = { proposalId: p.id, revision: p.revision, kind: p.kind, category: p.category, proposed: p.proposed, changedBy: p.changedBy, needsPick: needsCategoryPick(p), status: statusOf(p) };
  const link = (model: string, id: number) => `${options.odooUrl.replace(/\/+$/, '')}/web#id=${id}&model=${model}&view_type=form`;
  if (p.kind === 'supplier-email') {
    return {
      ...base,
      title: `Supplier email${p.order ? ` · ${p.order.name}` : ' · no PO matched'}${p.order?.vendorName ? ` · ${p.order.vendorName}` : ''}`,
      summary: p.reading.summary,
      categories: EMAIL_CATEGORIES,
      confidence: p.reading.confidence,
      provider: p.reading.provider,
      fallbackReason: p.reading.fallback_reason,
      facts: emailFacts(p),
      evidence: p.reading.evidence,
      injectionSuspected: p.reading.injection_suspected,
      origin: `From ${p.email.from} · Subject "${p.email.subject}" · ${p.source === 'odoo-chatter' ? 'in the PO chatter' : p.source === 'supplier-event' ? 'a structured supplier update' : 'via the mail gateway'} · ${p.match.detail}`,
      onConfirm: needsCategoryPick(p) ? 'The reader is not sure what this email means: pick the category, then Confirm. Nothing is written before that.' : emailConfirmText(p),
      odooUrl: p.order ? link('purchase.order', p.order.id) : null,
    };
  }
  return {
    ...base,
    title: `Bill mismatch · ${billWords(p.bill)}${p.bill.vendorName ? ` · ${p.bill.vendorName}` : ''}`,
    summary: p.title,
    categories: MISMATCH_CATEGORIES,
    confidence: null,
    provider: 'rules',
    fallbackReason: null,
    facts: billFacts(p),
    evidence: p.explanation,
    injectionSuspected: false,
    origin: `Exception ${p.exceptionType} on ${billWords(p.bill)}${p.bill.poName ? ` (PO ${p.bill.poName})` : ''}`,
    onConfirm: `Confirm writes a note and an activity on the bill with the category "${categoryWords(p.category)}".`,
    odooUrl: link('account.move', p.bill.id),
  };
}

function statusOf(p: TriageProposal): TriageCardStatus {
  const d = p.decision;
  if (!d) return { kind: 'open' };
  const by = d.actor.displayName ?? d.odooLogin;
  if (d.action === 'dismiss') return { kind: 'dismissed', by, at: d.at };
  const w = p.writeback ?? { state: 'queued' };
  switch (w.state) {
    case 'queued':
      return { kind: 'queued', category: d.category, by };
    case 'retrying':
      return { kind: 'retrying', category: d.category, by, attempt: w.attempt, reason: w.reason };
    case 'written':
      return { kind: 'written', category: d.category, by, at: w.at, summary: w.summary };
    case 'failed':
      return { kind: 'failed', category: d.category, by, reason: w.reason, retryableBy: d.actor };
  }
}

function emailFacts(p: EmailProposal): Array<{ label: string; value: string }> {
  const r = p.reading;
  const facts: Array<{ label: string; value: string }> = [];
  if (p.order) facts.push({ label: 'PO', value: `${p.order.name} (${p.order.state})${p.order.buyerName ? `, buyer ${p.order.buyerName}` : ''}` });
  const planned = p.order?.datePlanned ?? null;
  if (r.new_eta) {
    const shift = planned ? daysBetween(planned, r.new_eta) : null;
    const diff = shift === null ? '' : shift === 0 ? ' (same day)' : ` (${shift > 0 ? '+' : ''}${shift} day${Math.abs(shift) === 1 ? '' : 's'})`;
    facts.push({ label: 'New ETA', value: `${r.new_eta} vs planned ${planned ?? 'unknown'}${diff}` });
  } else if (planned) {
    facts.push({ label: 'Planned', value: planned });
  }
  if (r.confirmed_date) facts.push({ label: 'Confirmed date', value: r.confirmed_date });
  if (r.quantities) {
    const q = r.quantities;
    const parts = [
      q.ordered !== undefined ? `ordered ${q.ordered}` : null,
      q.shipped !== undefined ? `shipped ${q.shipped}` : null,
      q.backordered !== undefined ? `backordered ${q.backordered}` : null,
      q.cancelled !== undefined ? `cancelled ${q.cancelled}` : null,
    ].filter(Boolean);
    if (parts.length) facts.push({ label: 'Quantities', value: `${parts.join(', ')}${q.unit ? ` ${q.unit}` : ''}${q.description ? ` (${q.description})` : ''}` });
  }
  if (r.price_change_pct !== null) facts.push({ label: 'Price change', value: `${r.price_change_pct > 0 ? '+' : ''}${r.price_change_pct}%` });
  return facts;
}

/** The bill's number; a draft has none yet (`/` on 17/18, false on 19): "draft bill", never "/". */
function billWords(bill: BillProposal['bill']): string {
  return bill.name && bill.name !== '/' ? bill.name : 'draft bill';
}

function billFacts(p: BillProposal): Array<{ label: string; value: string }> {
  return [
    { label: 'Bill', value: `${billWords(p.bill)}${p.bill.ref ? ` (vendor ref ${p.bill.ref})` : ''}` },
    ...(p.bill.poName ? [{ label: 'PO', value: p.bill.poName }] : []),
    { label: 'Suggested', value: categoryWords(p.proposedCategory) },
  ];
}

/** What Confirm will do for the category on the card, so nobody is surprised by the write. */
export function emailConfirmText(p: EmailProposal): string {
  if (!p.order) return p.category === 'invoice_query' ? 'Confirm forwards this to finance; no PO was matched, so nothing is written in Odoo.' : 'No PO was matched: Confirm records the answer; nothing is written in Odoo.';
  const r = p.reading;
  switch (p.category) {
    case 'delay':
      return r.new_eta ? `Confirm sets the planned date of the open lines of ${p.order.name} to ${r.new_eta}, posts a note and schedules an activity for the warehouse lead.` : `No new date was read: Confirm posts a note and schedules an activity for the warehouse lead; the planned dates stay.`;
    case 'confirmation':
      return `Confirm marks ${p.order.name} as confirmed by the vendor${r.confirmed_date ? `, sets the open lines to ${r.confirmed_date}` : ''} and posts a note.`;
    case 'price_change':
      return 'Confirm posts a note and schedules an activity for the buyer.';
    case 'cancellation':
      return 'Confirm posts a note and schedules the activity "Find another vendor" for the buyer.';
    case 'partial_shipment':
    case 'quality_issue':
      return 'Confirm posts a note and schedules an activity for the warehouse lead.';
    case 'invoice_query':
      return 'Confirm posts a note and forwards the query to finance.';
    default:
      return 'Confirm posts a note on the PO.';
  }
}
