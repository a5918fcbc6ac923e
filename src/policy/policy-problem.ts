/** One thing wrong in a policy file, addressed by its path in the YAML (before it is located). */
export interface PolicyProblem {
  path: readonly PropertyKey[];
  /** What is expected, e.g. `must be a number`. */
  message: string;
  /** Point at the key itself rather than its value (unknown keys, duplicate weekday keys). */
  atKey?: boolean;
  /** Do not append `(got ...)`: the message already says what was found. */
  omitGot?: boolean;
}
