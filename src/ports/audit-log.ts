import type { ChatUserRef } from '../approvals/approval-card-view.ts';

export type AuditOutcome = 'accepted' | 'refused' | 'written' | 'failed' | 'retrying' | 'requested' | 'decided_elsewhere' | 'stale';

/** One line of the audit trail: who, what, when, which card version, where from, and the outcome. */
export interface AuditEntry {
  at: string;
  orderId: number;
  orderName: string;
  requestId: string;
  action: 'approve' | 'reject' | 'retry' | 'request' | 'writeback' | 'reconcile' | 'purchase-request';
  outcome: AuditOutcome;
  actor: ChatUserRef | null;
  odooLogin: string | null;
  version: string | null;
  channel: string | null;
  /** The refusal code or error code, and the human detail. */
  code: string | null;
  detail: string | null;
}

export interface AuditLog {
  /**
   * Appends the entry. With `onceKey`, only the first record under that key is kept (a job re-run
   * after a crash records its step again): answers false when the key was already used.
   */
  record(entry: AuditEntry, options?: { onceKey?: string }): Promise<boolean | void>;
  /** Newest first. */
  forOrder(orderId: number, limit?: number): Promise<AuditEntry[]>;
}
