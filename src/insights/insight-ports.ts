import type { TrackedException } from '../alerts/lifecycle/tracked-exception.ts';
import type { ApprovalRequest } from '../approvals/approval-request.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { InsightClock } from './approval-facts.ts';
import type { DurationStats } from './insight-types.ts';

/** The recorded facts (Redis sorted sets), read without fetching them: counts and ranks. */
export interface FactReader {
  /** Per key: how many members, and the scores at the p50 and p90 nearest ranks. */
  durations(keys: readonly string[]): Promise<DurationStats[]>;
  counts(keys: readonly string[]): Promise<number[]>;
  /** Per list of keys: the stats of their members together (a period made of weeks). */
  durationsOfUnion(keyLists: readonly (readonly string[])[]): Promise<DurationStats[]>;
  /** Per key: every member (only for the small indexes of dimension values and combinations). */
  members(keys: readonly string[]): Promise<string[][]>;
  /** Scores of a key whose other score (in `atKey`) is in `[min, max]`: a person's decisions of a period. */
  scoresWithin(atKey: string, scoreKey: string, min: number, max: number): Promise<number[]>;
}

/** What the measures read: the recorded facts, Odoo, the open approvals and exceptions. */
export interface InsightSources {
  facts: FactReader;
  odoo: Pick<OdooGateway, 'readGroup'>;
  openApprovals(): Promise<ApprovalRequest[]>;
  openExceptions(): Promise<TrackedException[]>;
  clock: InsightClock;
}
