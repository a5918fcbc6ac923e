/**
 * The `events:` section of the policy file: who is told what happens in chat, and how.
 *
 * ```yaml
 * events:
 *   subscribers:
 *     - name: n8n                                   # letters, digits, - and _; unique
 *       url: https://n8n.example.com/webhook/chatops-events
 *       types: [approval.decided, approval.written] # or ["*"] for every type
 *       secret_env: CHATOPS_EVENTS_SECRET_N8N       # environment variable holding the HMAC secret
 *       max_attempts: 12                            # optional: tries before an event goes to the dead letters
 * ```
 *
 * Checked at start-up: a bad URL, an unknown type, a duplicate name or a secret that is not set
 * (or shorter than 16 characters) stops the bot with the file's line and column.
 */
import { z } from 'zod';
import type { PolicyProblem } from '../policy/policy-problem.ts';
import { readPolicySection } from '../policy/read-policy-section.ts';
import { EVENT_TYPES, type ChatopsEventType } from './chatops-event.ts';

export interface EventSubscriber {
  name: string;
  url: string;
  types: ReadonlySet<ChatopsEventType>;
  secret: string;
  maxAttempts: number;
}

export const MIN_SECRET_LENGTH = 16;
export const DEFAULT_MAX_ATTEMPTS = 12;

const httpUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}, { error: 'must be an absolute http(s) URL without credentials, like https://n8n.example.com/webhook/chatops' });

const subscriberSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, - or _' }),
  url: httpUrl,
  types: z.array(z.enum([...EVENT_TYPES, '*'], { error: `must be one of ${EVENT_TYPES.join(', ')}, or "*"` })).min(1),
  secret_env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'must name an environment variable, like CHATOPS_EVENTS_SECRET' }),
  max_attempts: z.number().int().min(1).max(50).optional(),
});

const sectionSchema = z.strictObject({ subscribers: z.array(subscriberSchema).default([]) }).nullable().optional();

/**
 * Reads `events:` from the policy file's text; no section, no subscribers. `env` gives the
 * secrets (process.env at start-up). Throws a PolicyError (`policy_invalid`, `file:line:col`).
 */
export function parseEventsSection(text: string, source: string, env: Readonly<Record<string, string | undefined>>): EventSubscriber[] {
  const section = readPolicySection(text, source, 'events', sectionSchema);
  const problems: PolicyProblem[] = [];
  const seen = new Set<string>();
  const out: EventSubscriber[] = [];
  (section.value?.subscribers ?? []).forEach((s, i) => {
    const at = (key: string): PropertyKey[] => ['events', 'subscribers', i, key];
    if (seen.has(s.name.toLowerCase())) problems.push({ path: at('name'), message: 'is used by another subscriber; names must be unique' });
    seen.add(s.name.toLowerCase());
    const secret = env[s.secret_env];
    if (!secret) problems.push({ path: at('secret_env'), message: `names an environment variable that is not set (set ${s.secret_env} to the subscriber's HMAC secret)` });
    else if (secret.length < MIN_SECRET_LENGTH) problems.push({ path: at('secret_env'), message: `names a secret shorter than ${MIN_SECRET_LENGTH} characters` });
    const types = new Set<ChatopsEventType>(s.types.includes('*') ? EVENT_TYPES : (s.types as ChatopsEventType[]));
    if (secret && secret.length >= MIN_SECRET_LENGTH) out.push({ name: s.name, url: s.url, types, secret, maxAttempts: s.max_attempts ?? DEFAULT_MAX_ATTEMPTS });
  });
  return problems.length > 0 ? section.fail(problems) : out;
}
