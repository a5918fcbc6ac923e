/**
 * The `delegations:` section of the policy file: standing delegations an admin sets (holidays
 * known in advance, a long leave). Read from the same YAML document as the approval policy
 * (src/policy lets the key through), with errors as `file:line:col` like the rest of the file.
 *
 * ```yaml
 * delegations:
 *   - from: Avery Quinn        # an approver name from approvers:, or an Odoo login
 *     to: Dana Okafor
 *     until: 2026-12-24        # inclusive, in the policy's time zone
 *     from_date: 2026-12-18    # optional: from this day (default: already in force)
 * ```
 */
import { z } from 'zod';
import type { PolicyProblem } from '../policy/policy-problem.ts';
import type { Policy } from '../policy/policy-types.ts';
import { readPolicySection } from '../policy/read-policy-section.ts';
import { isIsoDate } from '../time/calendar-values.ts';
import { dayIn } from './delegation-days.ts';
import type { Delegation } from './delegation.ts';
import { findDelegationProblem } from './find-delegation-loop.ts';

const person = z.string().trim().min(1);
const isoDay = z.string().refine(isIsoDate, { error: 'must be a date YYYY-MM-DD' });
const entrySchema = z.strictObject({ from: person, to: person, until: isoDay, from_date: isoDay.optional() });
const sectionSchema = z.array(entrySchema).nullable().optional();

type Person = { login: string; name: string };

/** An approver by name (case-insensitive) or by login; else anything login-shaped (no spaces). */
function personOf(policy: Policy, text: string): Person | null {
  const t = text.trim().toLowerCase();
  for (const a of policy.approvers.values()) {
    if (a.name.toLowerCase() === t || a.odooLogin.toLowerCase() === t) return { login: a.odooLogin, name: a.name };
  }
  return /\s/.test(t) ? null : { login: text.trim(), name: text.trim() };
}

const NOT_A_PERSON = 'must name an approver listed under approvers: or be an Odoo login';

/**
 * Reads `delegations:` from a policy file's text (other keys are other features' business); an
 * empty list without the section. `now` sets the first day of entries without from_date (they are
 * in force from the start). Throws a PolicyError (`policy_invalid`) for the first problem in file
 * order: unknown names, dates, until before from_date, self-delegation, overlaps and loops.
 */
export function parseDelegationsSection(text: string, source: string, policy: Policy, now: Date): Delegation[] {
  const section = readPolicySection(text, source, 'delegations', sectionSchema);
  const today = dayIn(now, policy.calendar.timeZone);
  const problems: PolicyProblem[] = [];
  const out: Delegation[] = [];
  (section.value ?? []).forEach((entry, i) => {
    const at = (key: string): PropertyKey[] => ['delegations', i, key];
    const from = personOf(policy, entry.from);
    const to = personOf(policy, entry.to);
    if (!from) problems.push({ path: at('from'), message: NOT_A_PERSON });
    if (!to) problems.push({ path: at('to'), message: NOT_A_PERSON });
    if (!from || !to) return;
    if (from.login.toLowerCase() === to.login.toLowerCase()) {
      problems.push({ path: at('to'), message: `is the same person as from: (${from.name}); a delegation goes to someone else` });
      return;
    }
    const startsOn = entry.from_date ?? (today < entry.until ? today : entry.until);
    if (entry.from_date !== undefined && entry.until < entry.from_date) {
      problems.push({ path: at('until'), message: `is before from_date (${entry.from_date})` });
      return;
    }
    const d: Delegation = {
      id: `policy-${i}`, from: from.login, to: to.login, fromName: from.name, toName: to.name, startsOn, until: entry.until,
      source: 'policy', createdBy: 'policy file', createdAt: now.toISOString(),
    };
    const overlapping = out.findIndex((o) => o.from.toLowerCase() === d.from.toLowerCase() && o.startsOn <= d.until && d.startsOn <= o.until);
    if (overlapping >= 0) {
      problems.push({ path: ['delegations', i], message: `overlaps delegations[${Number(out[overlapping]!.id.slice(7))}] of the same person (${from.name}); give each absence its own days`, omitGot: true });
      return;
    }
    const problem = findDelegationProblem(d, out);
    if (problem) {
      const why = problem.code === 'loop' ? `closes a loop (${problem.names.join(' -> ')}) on ${problem.day}` : `makes a chain of more than 5 delegations (${problem.names.join(' -> ')}) on ${problem.day}`;
      problems.push({ path: at('to'), message: why, omitGot: true });
      return;
    }
    out.push(d);
  });
  return problems.length > 0 ? section.fail(problems) : out;
}
