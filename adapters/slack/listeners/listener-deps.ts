import type { AllMiddlewareArgs, BlockAction, RespondFn, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ApprovalClickSink } from '../../../src/approvals/approval-click.ts';

/** What every approval listener needs: where clicks go, a logger, and the clock. */
export interface ApprovalListenerDeps {
  onApprovalClick: ApprovalClickSink;
  logger: Logger;
  now: () => Date;
}

export type ButtonClickArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
export type ViewSubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
export type { RespondFn };
