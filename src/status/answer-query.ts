import { answerPoStatus } from './answer-po-status.ts';
import { lateReceiptsList } from './lists/late-receipts.ts';
import { myApprovals } from './lists/my-approvals.ts';
import { myExceptions } from './lists/my-exceptions.ts';
import { unconfirmedPos } from './lists/unconfirmed-pos.ts';
import { vendorPos } from './lists/vendor-pos.ts';
import { helpAnswer, type StatusAnswer } from './status-answer.ts';
import type { StatusDeps } from './status-deps.ts';
import type { StatusQuery } from './status-query.ts';
import type { Viewer } from './viewer.ts';

/** Runs one structured query for a viewer: every entry point (slash command, mention, DM, Teams) ends here. Read-only. */
export async function answerQuery(query: StatusQuery, viewer: Viewer, deps: StatusDeps): Promise<StatusAnswer> {
  switch (query.kind) {
    case 'po_status':
      return answerPoStatus(query.ref, viewer, deps);
    case 'my_approvals':
      return myApprovals(query, viewer, deps);
    case 'my_exceptions':
      return myExceptions(query, viewer, deps);
    case 'late_receipts':
      return lateReceiptsList(query, viewer, deps);
    case 'unconfirmed':
      return unconfirmedPos(query, viewer, deps);
    case 'vendor_pos':
      return vendorPos(query, viewer, deps);
    case 'help':
      return helpAnswer();
  }
}
