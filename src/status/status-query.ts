import { z } from 'zod';

/** Lines per page of a list answer; "more" asks for the next page of the same query. */
export const PAGE_SIZE = 10;

const name = z.string().trim().min(1).max(120);
const page = z.number().int().min(1).max(1_000).default(1);

/**
 * The structured questions the bot answers. An LLM interpreter must produce exactly this (it
 * never writes or runs anything else), and the offline parser produces the same, so both paths
 * end in the same read-only use cases.
 */
export const statusQuerySchema = z.discriminatedUnion('kind', [
  /** One PO: P00042, PO42, "po 42", or the vendor's reference. */
  z.object({ kind: z.literal('po_status'), ref: name }),
  /** Requests waiting for approval that the viewer may approve. */
  z.object({ kind: z.literal('my_approvals'), page }),
  /** POs the viewer buys (buyer = viewer) with an open exception (late receipt, bill mismatch). */
  z.object({ kind: z.literal('my_exceptions'), page }),
  /** Incoming receipts past their scheduled date, optionally at one warehouse and/or from one vendor. */
  z.object({ kind: z.literal('late_receipts'), warehouse: name.nullable().default(null), vendor: name.nullable().default(null), page }),
  /** Confirmed POs the vendor has not confirmed, confirmed more than `olderThanDays` ago. */
  z.object({ kind: z.literal('unconfirmed'), olderThanDays: z.number().int().min(0).max(3_650).default(3), vendor: name.nullable().default(null), page }),
  /** The POs of a vendor (name contains). */
  z.object({ kind: z.literal('vendor_pos'), vendor: name, page }),
  z.object({ kind: z.literal('help') }),
]);

export type StatusQuery = z.infer<typeof statusQuerySchema>;
export type StatusQueryInput = z.input<typeof statusQuerySchema>;
export type ListQuery = Exclude<StatusQuery, { kind: 'po_status' } | { kind: 'help' }>;

/** Validates a query from outside (an LLM's output, a button's value); null when it does not fit. */
export function toStatusQuery(input: unknown): StatusQuery | null {
  const parsed = statusQuerySchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

/**
 * The words that ask this query again (`late at WH-North page 2`): shown as the "more"
 * continuation, and parsed back to the same query by parseQuestion.
 */
export function commandFor(query: StatusQuery): string {
  const paged = (words: string, p: number) => (p > 1 ? `${words} page ${p}` : words);
  switch (query.kind) {
    case 'po_status':
      return query.ref;
    case 'help':
      return 'help';
    case 'my_approvals':
      return paged('approvals', query.page);
    case 'my_exceptions':
      return paged('mine', query.page);
    case 'late_receipts':
      return paged(['late', query.vendor ? `from ${query.vendor}` : '', query.warehouse ? `at ${query.warehouse}` : ''].filter(Boolean).join(' '), query.page);
    case 'unconfirmed':
      return paged(['unconfirmed', query.vendor ? `from ${query.vendor}` : '', `older than ${query.olderThanDays} days`].filter(Boolean).join(' '), query.page);
    case 'vendor_pos':
      return paged(`vendor ${query.vendor}`, query.page);
  }
}

/** The same query, one page further. */
export function nextPage(query: ListQuery): ListQuery {
  return { ...query, page: query.page + 1 };
}
