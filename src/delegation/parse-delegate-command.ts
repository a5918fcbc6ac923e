import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import { DAY_FORMS } from './parse-day.ts';

/** Who to delegate to, as the command named them. */
export type DelegateTarget =
  /** A mention the platform linked to an account (Slack `<@U123|dana>`, a Teams mention entity). */
  | { kind: 'chat'; chat: ChatUserRef; label: string | null }
  /** Plain words (`@Dana Okafor`, `dokafor@northgate.example`): matched to the policy's approvers or Odoo users. */
  | { kind: 'name'; text: string };

export type DelegateCommand =
  | { kind: 'show' }
  | { kind: 'off' }
  | { kind: 'help' }
  /** Dates as typed; parseDay reads them against today. */
  | { kind: 'set'; target: DelegateTarget; until: string; from: string | null }
  | { kind: 'invalid'; message: string };

/** A mention as the Teams adapter (or any other) found it in the text, already tied to an account. */
export interface KnownMention {
  text: string;
  chat: ChatUserRef;
}

export const DELEGATE_USAGE = [
  '`/po delegate @name until 2026-12-24`: your approvals go to them until that day (inclusive)',
  '`/po delegate @name from 2026-12-18 until 2026-12-24`: the same, starting later',
  '`/po delegate off`: your approvals come back to you',
  '`/po delegate`: who your approvals go to, and whose come to you',
  `Dates: ${DAY_FORMS}.`,
];

const COMMAND = /^\s*delegat(?:e|ion)\b/i;
const SLACK_MENTION = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$/;

/** Whether `/po <text>` is a delegation command rather than a status question. */
export function isDelegateCommand(text: string): boolean {
  return COMMAND.test(text);
}

function targetOf(raw: string, mentions: readonly KnownMention[]): DelegateTarget | { invalid: string } {
  const text = raw.trim();
  if (!text) return { invalid: 'Say who should approve for you: `/po delegate @name until 2026-12-24`.' };
  if ((text.match(/<@/g) ?? []).length > 1) return { invalid: 'Name one person: your approvals go to one delegate at a time.' };
  const slack = SLACK_MENTION.exec(text);
  if (slack) return { kind: 'chat', chat: { platform: 'slack', userId: slack[1]! }, label: slack[2] || null };
  const known = mentions.find((m) => m.text.trim() === text);
  if (known) return { kind: 'chat', chat: known.chat, label: text.replace(/^@/, '') };
  return { kind: 'name', text: text.replace(/^@/, '').trim() };
}

/**
 * Reads `delegate ...` (the text after `/po`); null when the text is not a delegation command.
 * Slack sends a mention as `<@U123|name>` when the command escapes them, else as typed (`@Dana`).
 */
export function parseDelegateCommand(text: string, mentions: readonly KnownMention[] = []): DelegateCommand | null {
  if (!isDelegateCommand(text)) return null;
  const rest = text.replace(COMMAND, '').replace(/\s+/g, ' ').trim();
  if (/^(?:show|status|list)?$/i.test(rest)) return { kind: 'show' };
  if (/^(?:off|stop|cancel|clear|end|none)$/i.test(rest)) return { kind: 'off' };
  if (/^(?:help|\?)$/i.test(rest)) return { kind: 'help' };
  // Padded so a missing name (`delegate until ...`) still finds the keyword and is refused as such.
  const padded = ` ${rest}`;
  const untilAt = padded.search(/ (?:until|till|through) /i);
  if (untilAt < 0) return { kind: 'invalid', message: `Say until when: \`/po delegate @name until 2026-12-24\` (dates: ${DAY_FORMS}).` };
  const until = padded.slice(untilAt).replace(/^ (?:until|till|through) /i, '').trim();
  let who = padded.slice(0, untilAt);
  let from: string | null = null;
  const fromAt = who.search(/ from /i);
  if (fromAt >= 0) {
    from = who.slice(fromAt + ' from '.length).trim();
    who = who.slice(0, fromAt);
  }
  const target = targetOf(who, mentions);
  if ('invalid' in target) return { kind: 'invalid', message: target.invalid };
  return { kind: 'set', target, until, from };
}
