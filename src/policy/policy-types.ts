/**
 * The approval policy as the core uses it: parsed, validated and cross-checked by parsePolicy, so
 * every name a rule refers to exists and every rule has someone to ask.
 */
import type { BusinessCalendar } from '../time/business-calendar.ts';

/**
 * The most an approver may approve, on `amount_total` in the PO company's currency: one amount for
 * any currency, or one per currency code (`{ USD: 25000, EUR: 20000 }`). Inclusive: a limit of
 * 25,000 lets its holder approve exactly 25,000.00.
 */
export type AmountLimit = number | Readonly<Record<string, number>>;

/** A person who may be asked to approve, identified in Odoo by login. */
export interface PolicyApprover {
  name: string;
  odooLogin: string;
  /** null: no limit of their own (a group's limit may still apply). */
  limit: AmountLimit | null;
  slackUserId: string | null;
  teamsUpn: string | null;
}

/** A named set of approvers, and/or everyone in an Odoo group (by xmlid). */
export interface PolicyGroup {
  name: string;
  /** Names of approvers under `approvers:`. */
  members: readonly string[];
  /** e.g. `purchase.group_purchase_manager`; null when the group lists members only. */
  odooGroup: string | null;
  /** Applies to members without a limit of their own, and to everyone let in by `odooGroup`. */
  limit: AmountLimit | null;
}

/** `[min, max)` on amount_total in company currency; a missing bound is open. */
export interface AmountBand {
  min: number | null;
  max: number | null;
}

/** A company, vendor, category or warehouse named in a rule: by (case-insensitive) name or by id. */
export type NameOrId = string | number;

/** What a rule matches on; every given condition must hold, any value of a list may match. */
export interface RuleMatch {
  companies: readonly NameOrId[] | null;
  amountBands: readonly AmountBand[] | null;
  vendors: readonly NameOrId[] | null;
  categories: readonly NameOrId[] | null;
  warehouses: readonly NameOrId[] | null;
}

/** One step of the escalation chain. */
export interface ApprovalLevel {
  /** Names under `approvers:`. */
  approvers: readonly string[];
  /** Names under `groups:`. */
  groups: readonly string[];
  /** Business hours at this level before the next level is asked too; null: never escalates. */
  escalateAfterBusinessHours: number | null;
  /** Sequential rules: the level applies only above this amount (company currency); absent: always. */
  above?: number;
  /** Sequential rules: the level's name on the card; absent: the names of its approvers and groups. */
  label?: string;
}

/** Where the approval cards of a rule go. */
export interface NotifyTargets {
  /** A direct message to each approver of the level. */
  dm: boolean;
  /** A Slack channel (name with `#` or id). */
  channel: string | null;
  /** A Teams channel or conversation reference, kept opaque for the Teams adapter. */
  teamsChannel: string | null;
}

export type RejectAction = 'cancel' | 'draft';

export interface PolicyRule {
  name: string;
  /** Position in the file, 0-based: the first matching rule wins. */
  index: number;
  /** null: the catch-all (no match conditions). */
  match: RuleMatch | null;
  levels: readonly ApprovalLevel[];
  /** The levels are decided in order, each by a different person; else they are an escalation chain. */
  sequential: boolean;
  notify: NotifyTargets;
  /** null: no reminders. */
  remindAfterBusinessHours: number | null;
  /** Reminders at the last level, where no escalation ends them. @defaultValue 3 */
  maxReminders: number;
  /** The Approve button asks for confirmation when amount_total is strictly above this. */
  confirmAbove: number | null;
  /** @defaultValue 'draft' (the buyer can fix and resubmit) */
  rejectAction: RejectAction;
  /** The calendar with this rule's overrides applied; null: the policy's (see calendarOf). */
  calendar: BusinessCalendar | null;
}

export interface Policy {
  /** The file it came from, for messages. */
  source: string;
  calendar: BusinessCalendar;
  /** @defaultValue true: the PO's buyer (user_id) and creator (create_uid) never decide it. */
  segregationOfDuties: boolean;
  /**
   * The platforms approvers get their direct-message cards on, when more than one is connected.
   * null: every connected platform (the cards stay in sync).
   */
  dmPlatforms: readonly ('slack' | 'teams')[] | null;
  approvers: ReadonlyMap<string, PolicyApprover>;
  groups: ReadonlyMap<string, PolicyGroup>;
  /** Chat user -> Odoo login, from `identities:` and the approvers' own overrides. */
  identities: { slack: ReadonlyMap<string, string>; teams: ReadonlyMap<string, string> };
  rules: readonly PolicyRule[];
}
