import type { BusinessCalendar } from '../time/business-calendar.ts';
import type { PolicyProblem } from './policy-problem.ts';
import type { RawLimit, RawPolicy, RawRule } from './policy-schema.ts';
import type { AmountBand, AmountLimit, Policy, PolicyApprover, PolicyGroup, PolicyRule } from './policy-types.ts';
import { readCalendar } from './read-calendar.ts';

function limitOf(raw: RawLimit | undefined): AmountLimit | null {
  return raw === undefined ? null : raw;
}

function overridesCalendar(rule: RawRule): boolean {
  return rule.timezone !== undefined || rule.working_hours !== undefined || rule.holidays !== undefined;
}

function buildRule(rule: RawRule, index: number, base: BusinessCalendar, problems: PolicyProblem[]): PolicyRule {
  const m = rule.match;
  const hasMatch = m && Object.values(m).some((v) => v !== undefined);
  const bands: AmountBand[] | null = m?.amount ? m.amount.map((b) => ({ min: b.min ?? null, max: b.max ?? null })) : null;
  return {
    name: rule.name,
    index,
    match: hasMatch
      ? { companies: m.company ?? null, amountBands: bands, vendors: m.vendor ?? null, categories: m.category ?? null, warehouses: m.warehouse ?? null }
      : null,
    levels: rule.levels.map((l) => ({
      approvers: l.approvers ?? [],
      groups: l.groups ?? [],
      escalateAfterBusinessHours: l.escalate_after_business_hours ?? null,
      ...(l.above !== undefined ? { above: l.above } : {}),
      ...(l.label !== undefined ? { label: l.label } : {}),
    })),
    sequential: rule.sequential ?? false,
    notify: { dm: rule.notify?.dm ?? true, channel: rule.notify?.channel ?? null, teamsChannel: rule.notify?.teams_channel ?? null },
    remindAfterBusinessHours: rule.remind_after_business_hours ?? null,
    maxReminders: rule.max_reminders ?? 3,
    confirmAbove: rule.confirm_above ?? null,
    rejectAction: rule.reject_action ?? 'draft',
    calendar: overridesCalendar(rule) ? readCalendar(base, rule, ['rules', index], problems) : null,
  };
}

/** Turns the validated file into the Policy the core uses; calendar problems land in `problems`. */
export function buildPolicy(raw: RawPolicy, source: string, problems: PolicyProblem[]): Policy {
  const calendar = readCalendar(null, raw, [], problems);
  const approvers = new Map<string, PolicyApprover>(
    (raw.approvers ?? []).map((a) => [
      a.name,
      { name: a.name, odooLogin: a.odoo_login, limit: limitOf(a.limit), slackUserId: a.slack_user_id ?? null, teamsUpn: a.teams_upn ?? null },
    ]),
  );
  const groups = new Map<string, PolicyGroup>(
    (raw.groups ?? []).map((g) => [g.name, { name: g.name, members: g.members ?? [], odooGroup: g.odoo_group ?? null, limit: limitOf(g.limit) }]),
  );
  const slack = new Map<string, string>();
  const teams = new Map<string, string>();
  for (const [id, login] of Object.entries(raw.identities?.slack ?? {})) slack.set(id, login);
  // Teams ids are UPNs (emails), which are case-insensitive.
  for (const [id, login] of Object.entries(raw.identities?.teams ?? {})) teams.set(id.toLowerCase(), login);
  for (const a of approvers.values()) {
    if (a.slackUserId) slack.set(a.slackUserId, a.odooLogin);
    if (a.teamsUpn) teams.set(a.teamsUpn.toLowerCase(), a.odooLogin);
  }
  return {
    source,
    calendar,
    segregationOfDuties: raw.segregation_of_duties ?? true,
    dmPlatforms: raw.dm_platforms ? [...new Set(raw.dm_platforms)] : null,
    approvers,
    groups,
    identities: { slack, teams },
    rules: raw.rules.map((r, i) => buildRule(r, i, calendar, problems)),
  };
}
