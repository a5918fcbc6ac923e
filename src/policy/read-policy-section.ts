/**
 * Reads one feature's section of the policy file (src/policy lets other keys through) with the
 * same `file:line:col: path what is expected` errors as the rest of the file: the schema first,
 * then the feature's own checks, reported through `fail` at the place in the YAML they name.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { locateInYaml } from './locate-in-yaml.ts';
import { PolicyError } from './policy-error.ts';
import type { PolicyProblem } from './policy-problem.ts';
import { zodIssueToProblem } from './zod-issue-to-problem.ts';

export interface PolicySection<T> {
  value: T;
  /** Throws a PolicyError for the first problem in file order. */
  fail(problems: readonly PolicyProblem[]): never;
}

export function readPolicySection<S extends z.ZodType>(text: string, source: string, key: string, schema: S): PolicySection<z.output<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0]);
    throw new PolicyError(`${source}:${pos.line}:${pos.col}: ${syntax.message.split('\n')[0]}`, source, pos.line, pos.col);
  }
  const fail = (problems: readonly PolicyProblem[]): never => {
    const located = problems.map((p) => ({ p, at: locateInYaml(doc, lines, p.path, p.atKey) }));
    located.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    const { p, at } = located[0]!;
    const got = p.omitGot || at.got === null ? '' : ` (got ${at.got})`;
    throw new PolicyError(`${source}:${at.line}:${at.column}: ${at.displayPath || key} ${p.message}${got}`, source, at.line, at.column);
  };
  const data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  const parsed = schema.safeParse(data[key]);
  if (!parsed.success) {
    const isMissing = (path: readonly PropertyKey[]) => locateInYaml(doc, lines, path).got === null;
    return fail(parsed.error.issues.map((issue) => zodIssueToProblem({ ...issue, path: [key, ...issue.path] }, isMissing)));
  }
  return { value: parsed.data, fail };
}
