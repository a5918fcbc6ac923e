import { formatAmount } from './format-amount.ts';
import type { PolicyProblem } from './policy-problem.ts';
import type { RawPolicy, RawRule } from './policy-schema.ts';

type Band = { min?: number | undefined; max?: number | undefined };

function bandText(b: Band): string {
  if (b.min !== undefined && b.max !== undefined) return `${formatAmount(b.min)}-${formatAmount(b.max)}`;
  if (b.max !== undefined) return `under ${formatAmount(b.max)}`;
  return `${formatAmount(b.min ?? 0)} or more`;
}

/** Reports the second and later uses of a value (names, logins, chat ids must be unique). */
function checkUnique<T>(items: readonly T[], valueOf: (item: T) => string | undefined, at: (i: number) => PropertyKey[], what: string, problems: PolicyProblem[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const raw = valueOf(item);
    if (raw === undefined) return;
    const value = raw.toLowerCase();
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else problems.push({ path: at(i), message: `repeats the ${what} of item ${first} ("${raw}"); each must be unique`, omitGot: true });
  });
}

/** Bands are `[min, max)`: inverted or empty bands, and bands that share an amount, are mistakes. */
function checkBands(bands: readonly Band[], at: PropertyKey[], problems: PolicyProblem[]): void {
  const many = bands.length > 1;
  bands.forEach((b, i) => {
    const bandPath = many ? [...at, i] : at;
    if (b.min !== undefined && b.max !== undefined && b.max <= b.min) {
      problems.push({ path: [...bandPath, 'max'], message: `must be more than min (${formatAmount(b.min)})` });
    }
  });
  for (let i = 0; i < bands.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = bands[j]!;
      const b = bands[i]!;
      const overlap = (a.min ?? 0) < (b.max ?? Infinity) && (b.min ?? 0) < (a.max ?? Infinity);
      if (overlap) problems.push({ path: [...at, i], message: `(${bandText(b)}) overlaps amount[${j}] (${bandText(a)})`, omitGot: true });
    }
  }
}

function isCatchAll(rule: RawRule): boolean {
  const m = rule.match;
  return !m || Object.values(m).every((v) => v === undefined);
}

function checkRule(rule: RawRule, r: number, raw: RawPolicy, problems: PolicyProblem[]): void {
  const approvers = new Set((raw.approvers ?? []).map((a) => a.name));
  const groups = new Set((raw.groups ?? []).map((g) => g.name));
  const at: PropertyKey[] = ['rules', r];
  if (rule.match?.amount) checkBands(rule.match.amount, [...at, 'match', 'amount'], problems);
  rule.levels.forEach((level, l) => {
    const levelPath = [...at, 'levels', l];
    (level.approvers ?? []).forEach((name, i) => {
      if (!approvers.has(name)) problems.push({ path: [...levelPath, 'approvers', i], message: 'must name an approver listed under approvers:' });
    });
    (level.groups ?? []).forEach((name, i) => {
      if (!groups.has(name)) problems.push({ path: [...levelPath, 'groups', i], message: 'must name a group listed under groups:' });
    });
    if ((level.approvers ?? []).length + (level.groups ?? []).length === 0) {
      problems.push({ path: levelPath, message: 'must name at least one approver or group', omitGot: true });
    }
    if (rule.sequential && level.escalate_after_business_hours !== undefined) {
      problems.push({ path: [...levelPath, 'escalate_after_business_hours'], message: 'cannot be used in a sequential rule: its levels are decided in order (use remind_after_business_hours to chase a level)' });
    } else if (l === rule.levels.length - 1 && level.escalate_after_business_hours !== undefined) {
      problems.push({ path: [...levelPath, 'escalate_after_business_hours'], message: 'is set on the last level, which has no next level to escalate to' });
    }
  });
  checkSequentialKeys(rule, at, problems);
  const n = rule.notify;
  if (n && n.dm === false && !n.channel && !n.teams_channel) {
    problems.push({ path: [...at, 'notify'], message: 'must send the card somewhere: dm: true, a channel or a teams_channel', omitGot: true });
  }
}

/** `above` and `label` belong to sequential rules; a sequential chain always asks its first level. */
function checkSequentialKeys(rule: RawRule, at: PropertyKey[], problems: PolicyProblem[]): void {
  rule.levels.forEach((level, l) => {
    for (const key of ['above', 'label'] as const) {
      if (!rule.sequential && level[key] !== undefined) {
        problems.push({ path: [...at, 'levels', l, key], message: 'is only used by a sequential rule (add sequential: true to the rule)', atKey: true, omitGot: true });
      }
    }
    if (rule.sequential && l === 0 && level.above !== undefined) {
      problems.push({ path: [...at, 'levels', l, 'above'], message: 'cannot be set on the first level: every order needs at least one approval' });
    }
  });
}

/**
 * The checks that need the whole file: names are unique, every name a rule or group uses exists,
 * amount bands make sense, a chat user maps to one login, and a last catch-all rule exists.
 */
export function checkPolicyReferences(raw: RawPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const approvers = raw.approvers ?? [];
  const groups = raw.groups ?? [];
  checkUnique(approvers, (a) => a.name, (i) => ['approvers', i, 'name'], 'name', problems);
  checkUnique(approvers, (a) => a.odoo_login, (i) => ['approvers', i, 'odoo_login'], 'odoo_login', problems);
  checkUnique(approvers, (a) => a.slack_user_id, (i) => ['approvers', i, 'slack_user_id'], 'slack_user_id', problems);
  checkUnique(approvers, (a) => a.teams_upn, (i) => ['approvers', i, 'teams_upn'], 'teams_upn', problems);
  checkUnique(groups, (g) => g.name, (i) => ['groups', i, 'name'], 'name', problems);
  checkUnique(raw.rules, (r) => r.name, (i) => ['rules', i, 'name'], 'name', problems);

  const known = new Set(approvers.map((a) => a.name));
  groups.forEach((g, i) => {
    (g.members ?? []).forEach((m, j) => {
      if (!known.has(m)) problems.push({ path: ['groups', i, 'members', j], message: 'must name an approver listed under approvers:' });
    });
    if ((g.members ?? []).length === 0 && !g.odoo_group) {
      problems.push({ path: ['groups', i], message: 'must have members or an odoo_group', omitGot: true });
    }
  });

  // An approver's own chat id and the identities map must not send one chat user to two logins.
  approvers.forEach((a, i) => {
    for (const [platform, key, id] of [['slack', 'slack_user_id', a.slack_user_id], ['teams', 'teams_upn', a.teams_upn]] as const) {
      const mapped = id === undefined ? undefined : raw.identities?.[platform]?.[id];
      if (mapped !== undefined && mapped.toLowerCase() !== a.odoo_login.toLowerCase()) {
        problems.push({ path: ['approvers', i, key], message: `is mapped to ${mapped} under identities.${platform}, but this approver is ${a.odoo_login}` });
      }
    }
  });

  raw.rules.forEach((rule, r) => checkRule(rule, r, raw, problems));
  const catchAll = raw.rules.findIndex(isCatchAll);
  if (catchAll < 0) {
    problems.push({ path: ['rules'], message: 'must end with a catch-all rule (one without match:) so every order finds an approver', omitGot: true });
  } else if (catchAll < raw.rules.length - 1) {
    problems.push({ path: ['rules', catchAll + 1], message: `can never match: rules[${catchAll}] ("${raw.rules[catchAll]!.name}") has no match: and takes every order first`, omitGot: true });
  }
  return problems;
}
