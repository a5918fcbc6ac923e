import { CodedError } from '../errors/coded-error.ts';

/**
 * The policy file cannot be used. The message is one line, `file:line:col: what is expected`,
 * so start-up stops with something an operator can fix without reading a stack trace.
 */
export class PolicyError extends CodedError {
  constructor(
    message: string,
    readonly source: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super('policy_invalid', message, false);
    this.name = 'PolicyError';
  }
}
