import type { App, BlockAction } from '@slack/bolt';
import { EXCEPTION_OPEN_IN_ODOO } from '../../blocks/exception-actions.ts';
import type { ButtonClickArgs } from '../listener-deps.ts';

/** Open in Odoo on an exception is a link button: the browser opens it; Slack still wants an ack. */
export async function exceptionOpenInOdooClicked(args: ButtonClickArgs): Promise<void> {
  await args.ack();
}

export function register(app: App): void {
  app.action<BlockAction>(EXCEPTION_OPEN_IN_ODOO, exceptionOpenInOdooClicked);
}
