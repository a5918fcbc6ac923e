import type { Logger } from 'pino';
import type { ApprovalClick, ApprovalClickSink } from '../../src/approvals/approval-click.ts';

/**
 * How long a click's hand-off to the queue may hold Slack's ack. Slack gives up at 3 s; the queue
 * add is one Redis round trip (the intake connection fails fast when Redis is away, and times a
 * hung command out after one second), so this only ever bites when something is badly wrong.
 * @defaultValue 2_000
 */
export const CLICK_HAND_OFF_BUDGET_MS = 2_000;

/**
 * Hands a click to the core (one queue add) and says whether it is recorded, within `budgetMs`:
 * the ack waits for it, so a click acked is a click queued. A hand-off that ends after the budget
 * is logged (the clicker was already told to click again; a second click makes no second decision).
 */
export async function handOffClick(sink: ApprovalClickSink, click: ApprovalClick, logger: Logger, budgetMs = CLICK_HAND_OFF_BUDGET_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  const handed = sink(click).then(
    () => {
      if (late) logger.warn({ requestId: click.requestId, clickId: click.clickId }, 'a click was queued after its ack budget ran out');
      return true;
    },
    (err: unknown) => {
      logger.error({ err, requestId: click.requestId, action: click.action, clickId: click.clickId }, 'could not hand the click to the core');
      return false;
    },
  );
  const outOfTime = new Promise<boolean>((done) => {
    timer = setTimeout(() => {
      late = true;
      logger.error({ requestId: click.requestId, clickId: click.clickId, budgetMs }, 'the click hand-off did not finish in time');
      done(false);
    }, budgetMs);
  });
  try {
    return await Promise.race([handed, outOfTime]);
  } finally {
    clearTimeout(timer);
  }
}
