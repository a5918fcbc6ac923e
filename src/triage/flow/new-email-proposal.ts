import type { EmailReading } from '../email-reading.ts';
import type { EmailProposal, OrderFacts } from './triage-proposal.ts';

/**
 * A new proposal waiting for a person, from a reading (a supplier email's, or a structured
 * supplier event's): its card goes to the PO's buyer, or to the unmatched channel when the PO
 * names none (or no PO matched).
 */
export function newEmailProposal(p: {
  id: string;
  now: Date;
  reading: EmailReading;
  order: OrderFacts | null;
  unmatchedChannel: string;
  source: EmailProposal['source'];
  email: EmailProposal['email'];
  match: EmailProposal['match'];
}): EmailProposal {
  return {
    kind: 'supplier-email',
    id: p.id,
    revision: 1,
    createdAt: p.now.toISOString(),
    status: 'open',
    proposed: p.reading.category,
    category: p.reading.category,
    changedBy: null,
    decision: null,
    writeback: null,
    target: p.order?.buyerId ? { kind: 'odoo-user', odooUserId: p.order.buyerId, fallbackChannel: p.unmatchedChannel } : { kind: 'channel', channel: p.unmatchedChannel },
    cards: [],
    source: p.source,
    email: p.email,
    match: p.match,
    order: p.order,
    reading: p.reading,
  };
}
