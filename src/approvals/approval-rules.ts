import type { ChatPlatform, ChatTarget } from '../ports/chat.ts';
import type { DecisionAction } from './approval-request.ts';
import type { ApprovalSubject } from '../policy/approval-subject.ts';
import type { SequentialLevel } from '../policy/sequential-levels.ts';

/** Where a card goes: a chat target, or an Odoo user whose chat account is looked up by email. */
export type ApprovalTarget =
  | Extract<ChatTarget, { kind: 'channel' }>
  /** A chat user; `login` (a policy approver's DM) lets delegation send it to someone else. */
  | (Extract<ChatTarget, { kind: 'user' }> & { login?: string; onBehalfOf?: BehalfOfTarget })
  /** `onBehalfOf`: the card goes to a delegate of that absent approver, and says so. */
  | { kind: 'odoo-user'; platform: ChatPlatform; login: string; onBehalfOf?: BehalfOfTarget }
  /** Every member of an Odoo group (e.g. purchase.group_purchase_manager), each in their DMs. */
  | { kind: 'odoo-group'; platform: ChatPlatform; xmlid: string };

/** The absent approver a card was routed away from. */
export interface BehalfOfTarget {
  login: string;
  name: string;
}

/** The policy's answer for one PO: the rule, why it applies, and how the card behaves. */
export interface RuleMatch {
  ruleName: string;
  reason: string;
  targets: ApprovalTarget[];
  confirmAbove: number | null;
  rejectAction: 'cancel' | 'draft';
  /** Sequential rules: the levels for this order (skipped ones marked); null: one decision by anyone asked. */
  levels: SequentialLevel[] | null;
}

/** The Odoo identity of the person who clicked, as the policy judges it. */
export interface Approver {
  odooUserId: number;
  login: string;
  name: string;
  email: string | null;
  /** Odoo group xmlids, e.g. purchase.group_purchase_manager. */
  groups: string[];
  isPurchaseManager: boolean;
  companyIds: number[];
}

export type Authorization = { ok: true } | { ok: false; code: string; message: string };

/** What the approval use cases need of the policy file (implemented over src/policy). */
export interface ApprovalRules {
  match(subject: ApprovalSubject): RuleMatch;
  /** `level`: sequential rules, the level the order waits on (only its approvers may decide). */
  authorize(ruleName: string, subject: ApprovalSubject, approver: Approver, action: DecisionAction, level?: number): Authorization;
  /**
   * May `delegate` decide for the absent `delegator`? The delegator's place on the rule (or the
   * level), the delegate's own segregation of duties and company, and the delegate's own limit
   * (the delegator's when the policy gives the delegate none).
   */
  authorizeOnBehalf(ruleName: string, subject: ApprovalSubject, delegate: Approver, delegator: Approver & { name: string }, action: DecisionAction, level?: number): Authorization;
  /** The levels of a sequential rule for this order (again after the PO changed); null otherwise. */
  levelsOf(ruleName: string, subject: ApprovalSubject): SequentialLevel[] | null;
  /** The Odoo login the policy maps a chat user to, or null to match by email. */
  loginOverride(platform: ChatPlatform, chatUserId: string): string | null;
  /** "3 business hours", with the policy's calendar. */
  age(since: Date, now: Date): string;
  /** Business hours between two instants in the rule's calendar (aging metrics). */
  businessHours(ruleName: string, since: Date, now: Date): number;
  /** When to remind the asked levels and when to ask the next level, in the rule's business hours. */
  schedule(ruleName: string, requestedAt: Date): ScheduleStep[];
  /** The Odoo logins of every approver the policy names (read ahead, so clicks need no Odoo). */
  approverLogins?(): string[];
  /** Where the cards of a level go (escalation posts them there). */
  levelTargets(ruleName: string, level: number): ApprovalTarget[];
}

export type ScheduleStep = { kind: 'remind'; level: number; at: Date; nth: number } | { kind: 'escalate'; toLevel: number; at: Date };
