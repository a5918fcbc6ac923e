import type { z } from 'zod';
import type { PolicyProblem } from './policy-problem.ts';

const EXPECTED: Record<string, string> = {
  number: 'must be a number',
  string: 'must be text',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be a mapping',
  record: 'must be a mapping',
};

/**
 * A union that failed inside one option (a map of currencies with a bad amount) is reported at
 * the inner value; one that failed on the kind of value keeps the union's own message.
 */
function innermost(issue: z.core.$ZodIssue): { issue: z.core.$ZodIssue; prefix: PropertyKey[] } {
  if (issue.code === 'invalid_union') {
    for (const branch of issue.errors) {
      const first = branch[0];
      if (first && branch.every((i) => i.path.length > 0)) {
        const inner = innermost(first);
        return { issue: inner.issue, prefix: [...issue.path, ...inner.prefix] };
      }
    }
  }
  return { issue, prefix: [] };
}

/** Says in words what a zod issue expects, addressed by its path in the YAML. */
export function zodIssueToProblem(original: z.core.$ZodIssue, isMissing: (path: readonly PropertyKey[]) => boolean): PolicyProblem {
  const { issue, prefix } = innermost(original);
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(path)) return { path, message: 'is required', omitGot: true };
      return { path, message: EXPECTED[issue.expected] ?? `must be ${issue.expected}` };
    case 'unrecognized_keys':
      return { path: [...path, issue.keys[0] ?? ''], message: 'is not a known key', atKey: true, omitGot: true };
    case 'invalid_key':
      // The only records with constrained keys are per-currency limits.
      return { path, message: 'must be a currency code like USD', atKey: true, omitGot: true };
    case 'invalid_value':
      return { path, message: `must be one of ${issue.values.map((v) => String(v)).join(', ')}` };
    case 'too_small':
      if (issue.origin === 'array') return { path, message: 'must list at least one item' };
      if (issue.origin === 'string') return { path, message: 'must not be empty' };
      return { path, message: `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}` };
    case 'too_big':
      return { path, message: `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}` };
    default:
      return { path, message: issue.message };
  }
}
