export interface ParsedCommand {
  /** The question without the options (`P00042`, `late at Joliet`, ...); '' asks for help. */
  text: string;
  /** `share`: answer in the channel for everyone instead of privately. */
  share: boolean;
}

const SHARE = /(?:^|\s)(?:share|--share|public)\s*$|^\s*share\s+/i;

/**
 * The text of `/po ...`: `/po P00042`, `/po late`, `/po mine`, `/po vendor Acme`, `/po help`,
 * `/po <question>`, each with an optional `share` (e.g. `/po P00042 share`).
 */
export function parseCommand(raw: string): ParsedCommand {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (SHARE.test(text)) return { text: text.replace(SHARE, ' ').trim(), share: true };
  return { text, share: false };
}
