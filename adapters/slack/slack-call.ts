import type { z } from 'zod';
import { CodedError } from '../../src/errors/coded-error.ts';
import { toSlackCodedError } from './slack-error.ts';

/**
 * One Web API call: Slack's failures become CodedErrors with stable codes (rate limits carry
 * retryAfterMs), and the answer is checked against the shape the bot relies on.
 */
export async function callSlack<T>(method: string, run: () => Promise<unknown>, schema?: z.ZodType<T>): Promise<T> {
  let result: unknown;
  try {
    result = await run();
  } catch (err) {
    throw toSlackCodedError(err, method);
  }
  if (!schema) return result as T;
  const parsed = schema.safeParse(result);
  if (!parsed.success) throw new CodedError('slack_unexpected_response', `Slack ${method} answered in an unexpected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`, true);
  return parsed.data;
}

/** The id of a Slack target; any other platform's target reaching the Slack adapter is a bug. */
export function slackOnly(platform: string, id: string): string {
  if (platform !== 'slack') throw new CodedError('chat_wrong_platform', `the Slack adapter was asked to reach a ${platform} ${id}`, false);
  return id;
}
