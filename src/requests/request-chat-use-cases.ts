import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { DecisionAnswer, RequestDecision } from './decide-request.ts';
import type { OpenFormOutcome } from './open-request-form.ts';
import type { RequestSubmission, SubmitOutcome } from './submit-request.ts';

/** The purchase-request use cases every chat adapter calls, bound by the requests feature. */
export interface RequestChatUseCases {
  openForm(chat: ChatUserRef, words: string): Promise<OpenFormOutcome>;
  products(text: string): Promise<Array<{ id: number; label: string }>>;
  vendors(text: string): Promise<Array<{ id: number; name: string }>>;
  submit(s: RequestSubmission): Promise<SubmitOutcome>;
  decide(d: RequestDecision): Promise<DecisionAnswer>;
}
