import type { DelegationChange } from './delegation.ts';

export type DelegationRefusalCode =
  | 'invalid_command'
  | 'issuer_unmapped'
  | 'unknown_user'
  | 'unmapped_user'
  | 'self_delegation'
  | 'bad_date'
  | 'past_date'
  | 'too_far'
  | 'until_before_from'
  | 'nothing_to_delegate'
  | 'loop'
  | 'chain_too_long'
  | 'nothing_to_clear';

/** What `/po delegate ...` answers, privately, on any platform (text in Slack-style mrkdwn). */
export type DelegationAnswer =
  | { kind: 'done'; text: string; change: DelegationChange }
  | { kind: 'info'; text: string }
  | { kind: 'refused'; code: DelegationRefusalCode; text: string };

export const refused = (code: DelegationRefusalCode, text: string): DelegationAnswer => ({ kind: 'refused', code, text });
