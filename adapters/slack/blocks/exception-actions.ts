import { z } from 'zod';
import { exceptionClickSchema, type ExceptionAction } from '../../../src/alerts/lifecycle/exception-click.ts';
import { SLACK_LIMITS } from '../mrkdwn.ts';

/** The action ids of exception message and digest buttons; the listener registers on exactly these. */
export const EXCEPTION_ACTION_IDS: Readonly<Record<ExceptionAction, string>> = {
  acknowledge: 'exception_ack',
  'snooze-1h': 'exception_snooze_1h',
  'snooze-4h': 'exception_snooze_4h',
  'snooze-tomorrow': 'exception_snooze_tomorrow',
  own: 'exception_own',
  'ask-buyer': 'exception_ask_buyer',
  open: 'exception_open',
};

/** A link button: the browser opens Odoo; the click is only acknowledged. */
export const EXCEPTION_OPEN_IN_ODOO = 'exception_open_odoo';

export const EXCEPTION_ACTION_PATTERN = /^exception_(ack|snooze_1h|snooze_4h|snooze_tomorrow|own|ask_buyer|open)$/;

export function exceptionActionOf(actionId: string): ExceptionAction | null {
  const found = (Object.entries(EXCEPTION_ACTION_IDS) as Array<[ExceptionAction, string]>).find(([, id]) => id === actionId);
  return found ? found[0] : null;
}

/** What an exception button carries back: the exception's key (k). */
const valueSchema = z.object({ k: exceptionClickSchema.shape.key });

export function encodeExceptionValue(key: string): string {
  const json = JSON.stringify({ k: key });
  if (json.length > SLACK_LIMITS.buttonValue) throw new Error(`button value is ${json.length} characters; Slack allows ${SLACK_LIMITS.buttonValue}`);
  return json;
}

/** The key a clicked button carries, or null when it is not one the bot wrote. */
export function decodeExceptionValue(raw: string | undefined): string | null {
  if (!raw || raw.length > SLACK_LIMITS.buttonValue) return null;
  try {
    const parsed = valueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.k : null;
  } catch {
    return null;
  }
}
