import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { buildPolicy } from './build-policy.ts';
import { checkPolicyReferences } from './check-policy-references.ts';
import { locateInYaml } from './locate-in-yaml.ts';
import { PolicyError } from './policy-error.ts';
import type { PolicyProblem } from './policy-problem.ts';
import { policySchema } from './policy-schema.ts';
import type { Policy } from './policy-types.ts';
import { zodIssueToProblem } from './zod-issue-to-problem.ts';

/** A YAML syntax error in one line, naming the repeated key for duplicates. */
function syntaxMessage(error: YAMLError, text: string): string {
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  if (error.code !== 'DUPLICATE_KEY') return message;
  // yaml marks only the key's first character; the key is what precedes the colon on that line.
  const key = (text.slice(error.pos[0]).split('\n')[0] ?? '').split(':')[0]!.trim();
  return `${JSON.stringify(key)} appears twice in the same mapping (keys must be unique)`;
}

/**
 * Reads a policy file's text. Throws a PolicyError (code `policy_invalid`) with one line,
 * `source:line:col: path what is expected (got ...)`, for the first problem in file order.
 */
export function parsePolicy(text: string, source: string): Policy {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0]);
    throw new PolicyError(`${source}:${pos.line}:${pos.col}: ${syntaxMessage(syntax, text)}`, source, pos.line, pos.col);
  }
  if (doc.contents === null) {
    throw new PolicyError(`${source}:1:1: the policy is empty (expected timezone, working_hours, approvers, groups and rules)`, source, 1, 1);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const fail = (problems: PolicyProblem[]): never => {
    const located = problems.map((p) => ({ p, at: locateInYaml(doc, lines, p.path, p.atKey) }));
    located.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    const { p, at } = located[0]!;
    const subject = at.displayPath || 'the policy';
    const got = p.omitGot || at.got === null ? '' : ` (got ${at.got})`;
    throw new PolicyError(`${source}:${at.line}:${at.column}: ${subject} ${p.message}${got}`, source, at.line, at.column);
  };
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    const isMissing = (path: readonly PropertyKey[]) => locateInYaml(doc, lines, path).got === null;
    return fail(parsed.error.issues.map((issue) => zodIssueToProblem(issue, isMissing)));
  }
  const problems = checkPolicyReferences(parsed.data);
  const policy = buildPolicy(parsed.data, source, problems);
  return problems.length > 0 ? fail(problems) : policy;
}
