import type { ApprovalSubject } from './approval-subject.ts';
import type { Policy, PolicyRule } from './policy-types.ts';

/** One level of a sequential rule as it applies to one order. */
export interface SequentialLevel {
  /** 1-based. */
  level: number;
  /** The card's name for the level: its `label`, else the names of its approvers and groups. */
  label: string;
  /** False when the order is not above the level's `above` amount: the level is skipped. */
  applies: boolean;
}

/** The card's name for a level of a rule ("CFO", or "Avery Quinn, Finance leads"). */
export function levelLabel(_policy: Policy, rule: PolicyRule, level: number): string {
  const spec = rule.levels[level - 1];
  if (!spec) return `level ${level}`;
  return spec.label ?? [...spec.approvers, ...spec.groups].join(', ');
}

/**
 * The levels of a sequential rule for one order, in order, each marked as applying or skipped
 * (amount in company currency strictly above `above`); null for an escalation-chain rule.
 */
export function sequentialLevels(policy: Policy, rule: PolicyRule, subject: Pick<ApprovalSubject, 'amount'>): SequentialLevel[] | null {
  if (!rule.sequential) return null;
  return rule.levels.map((spec, i) => ({
    level: i + 1,
    label: levelLabel(policy, rule, i + 1),
    applies: spec.above === undefined || subject.amount > spec.above,
  }));
}
