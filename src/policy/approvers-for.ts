import type { AmountLimit, NotifyTargets, Policy, PolicyRule } from './policy-types.ts';

/** Why someone may approve at a level: listed by name, or through a named group. */
export interface ApprovalGrant {
  /** `listed`, or the name of the group under `groups:`. */
  via: string;
  /** The limit this grant carries (the person's own, else the group's); null = unlimited. */
  limit: AmountLimit | null;
}

/** A person who may approve at a level, with every grant that lets them. */
export interface LevelApprover {
  name: string;
  odooLogin: string;
  slackUserId: string | null;
  teamsUpn: string | null;
  grants: readonly ApprovalGrant[];
}

/** Everyone in an Odoo group (by xmlid) may approve at a level, up to `limit`. */
export interface LevelOdooGroup {
  group: string;
  xmlid: string;
  limit: AmountLimit | null;
}

/** Where one copy of the card goes. Members of an Odoo group are looked up by the caller. */
export type CardDelivery =
  | { kind: 'dm'; name: string; odooLogin: string; slackUserId: string | null; teamsUpn: string | null }
  | { kind: 'dm_odoo_group'; xmlid: string }
  | { kind: 'slack_channel'; channel: string }
  | { kind: 'teams_channel'; target: string };

export interface LevelApprovers {
  /** 1-based. */
  level: number;
  escalateAfterBusinessHours: number | null;
  people: readonly LevelApprover[];
  odooGroups: readonly LevelOdooGroup[];
  deliveries: readonly CardDelivery[];
}

function deliveriesFor(notify: NotifyTargets, people: readonly LevelApprover[], groups: readonly LevelOdooGroup[]): CardDelivery[] {
  const out: CardDelivery[] = [];
  if (notify.dm) {
    for (const p of people) out.push({ kind: 'dm', name: p.name, odooLogin: p.odooLogin, slackUserId: p.slackUserId, teamsUpn: p.teamsUpn });
    for (const g of groups) out.push({ kind: 'dm_odoo_group', xmlid: g.xmlid });
  }
  if (notify.channel) out.push({ kind: 'slack_channel', channel: notify.channel });
  if (notify.teamsChannel) out.push({ kind: 'teams_channel', target: notify.teamsChannel });
  return out;
}

/**
 * Who may approve at `level` (1-based) of a rule's chain and where each card goes; null past the
 * last level. A person named twice (directly and through a group) appears once with both grants.
 */
export function approversFor(policy: Policy, rule: PolicyRule, level: number): LevelApprovers | null {
  const spec = rule.levels[level - 1];
  if (!spec) return null;
  const people = new Map<string, { name: string; odooLogin: string; slackUserId: string | null; teamsUpn: string | null; grants: ApprovalGrant[] }>();
  const grant = (name: string, via: string, groupLimit: AmountLimit | null) => {
    const a = policy.approvers.get(name);
    if (!a) return;
    const key = a.odooLogin.toLowerCase();
    const entry = people.get(key) ?? { name: a.name, odooLogin: a.odooLogin, slackUserId: a.slackUserId, teamsUpn: a.teamsUpn, grants: [] };
    // A person's own limit is more specific than the group's, so it wins when both are set.
    entry.grants.push({ via, limit: a.limit ?? groupLimit });
    people.set(key, entry);
  };
  for (const name of spec.approvers) grant(name, 'listed', null);
  const odooGroups: LevelOdooGroup[] = [];
  for (const groupName of spec.groups) {
    const g = policy.groups.get(groupName);
    if (!g) continue;
    for (const member of g.members) grant(member, g.name, g.limit);
    if (g.odooGroup) odooGroups.push({ group: g.name, xmlid: g.odooGroup, limit: g.limit });
  }
  const list = [...people.values()];
  return {
    level,
    escalateAfterBusinessHours: spec.escalateAfterBusinessHours,
    people: list,
    odooGroups,
    deliveries: deliveriesFor(rule.notify, list, odooGroups),
  };
}
