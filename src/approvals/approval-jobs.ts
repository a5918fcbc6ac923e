/** Job names of the approval use cases (queue `writeback`). */
export const APPROVAL_JOBS = {
  /** A click to process: identity, policy, stale check, decision. */
  decide: 'approval-decide',
  /** A decision to write to Odoo. */
  writeBack: 'approval-write-back',
  /** A PO that waits for approval (from a webhook or a scan). */
  request: 'approval-request',
} as const;

export interface WriteBackJob {
  requestId: string;
  decisionId: string;
}
