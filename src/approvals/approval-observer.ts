/**
 * What the approval use cases tell the outside world as they go, for metrics. Every method is
 * synchronous and must not throw: observing never changes a decision.
 */
export interface ApprovalObserver {
  /** A level (1 for single-level rules) was decided after waiting `hoursWaited` business hours. */
  levelDecided(event: { ruleName: string; level: number; hoursWaited: number }): void;
}
