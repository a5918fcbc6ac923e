import type { PurchaseOrderState } from '../domain/odoo-records.ts';
import type { NextAction } from './next-action.ts';
import type { ListQuery, StatusQuery } from './status-query.ts';
import type { TimelineEvent } from './timeline.ts';
import type { VendorScorecardView } from './status-insights.ts';

/**
 * What the bot answers, independent of Slack or Teams. Text fields hold RAW text (Odoo names,
 * references): renderers escape them for their markup.
 */
export type StatusAnswer =
  | { kind: 'po_status'; po: PoStatusView }
  | { kind: 'not_found'; ref: string }
  | { kind: 'forbidden'; ref: string; company: string | null }
  | { kind: 'list'; list: StatusList }
  | { kind: 'help'; reason: string | null; examples: readonly string[] }
  | { kind: 'unmapped'; message: string };

export interface PoStatusView {
  orderId: number;
  orderName: string;
  state: PurchaseOrderState;
  stateWords: string;
  vendor: string | null;
  partnerRef: string | null;
  amountTotal: number;
  currency: string | null;
  buyer: string | null;
  company: string | null;
  warehouse: string | null;
  next: NextAction;
  timeline: TimelineEvent[];
  /** One line of words per open exception. */
  exceptions: string[];
  odooUrl: string;
  /** Other POs the reference also matched (a vendor reference used twice). */
  alsoMatched: string[];
}

/** One line of a list: a PO and why it is on the list. */
export interface ListItem {
  orderId: number;
  orderName: string;
  vendor: string | null;
  amountTotal: number;
  currency: string | null;
  /** Why it is listed: "late by 4 days at Joliet DC", "waiting 6 business hours (rule us-approvals)". */
  headline: string;
  since: Date | null;
  odooUrl: string;
}

export interface StatusList {
  query: ListQuery;
  title: string;
  items: ListItem[];
  /** How many in all, across pages. */
  total: number;
  /** 1-based index of the first item of this page within `total`. */
  from: number;
  /** The same query, next page; null on the last page. */
  next: ListQuery | null;
  /** The words that ask for the next page (`late at WH page 2`). */
  nextCommand: string | null;
  /** What to say when there is nothing: "Nothing is late at Joliet DC." */
  emptyText: string;
  /** `vendor Acme`, first page: the vendor's scorecard and trend chart open the answer. */
  scorecard?: VendorScorecardView;
}

/** Examples shown with help, in the words the offline parser understands. */
export const HELP_EXAMPLES: readonly string[] = [
  'P00042 (or PO42, po 42, the vendor reference): where an order stands and who has it',
  'my approvals: what waits for your approval',
  'mine: your POs with open exceptions',
  'late, late at Joliet DC, what is late from Acme?: late receipts',
  'unconfirmed older than 5 days: POs the vendor has not confirmed',
  'vendor Acme: the POs of a vendor',
  'delegate @name until 2026-12-24, delegate off: your approvals go to someone else while you are away',
];

export function helpAnswer(reason: string | null = null): StatusAnswer {
  return { kind: 'help', reason, examples: HELP_EXAMPLES };
}

export type { StatusQuery };
