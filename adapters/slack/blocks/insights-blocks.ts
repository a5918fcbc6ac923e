import type { types } from '@slack/bolt';
import { hoursWords, percentWords } from '../../../src/insights/headline-numbers.ts';
import type { PersonalNumbers } from '../../../src/insights/insight-types.ts';
import type { VendorScorecardView } from '../../../src/status/status-insights.ts';
import { SLACK_LIMITS, mrkdwnText } from '../mrkdwn.ts';
import { bk, type Block } from './block-kit.ts';

/** "Your numbers" on the App Home: what waits for you, how fast you decide, your exceptions. */
export function personalNumbersBlocks(numbers: PersonalNumbers | null): Block[] {
  if (!numbers) return [bk.section('*Your numbers*'), bk.context(['Your numbers cannot be read right now; they come back on the next refresh.'])];
  return [
    bk.section('*Your numbers*'),
    bk.fields([
      `*Waiting for you*\n${numbers.pendingApprovals}`,
      `*Your median decision time*\n${hoursWords(numbers.medianDecisionHours)} (last 90 days)`,
      `*Your decisions*\n${numbers.decisionsLast30Days} in the last 30 days`,
      `*Open exceptions on your POs*\n${numbers.openExceptionsOnMyOrders}`,
    ]),
  ];
}

/** `/po vendor Acme`: the scorecard over the period, then the trend chart (a signed PNG URL). */
export function scorecardBlocks(view: VendorScorecardView): Block[] {
  const t = view.total;
  const image: types.ImageBlock = {
    type: 'image',
    image_url: view.chartUrl,
    alt_text: `Trend of ${view.vendorName}: on time in full, slip and confirmation latency per week`.slice(0, SLACK_LIMITS.contextText),
  };
  return [
    bk.section(`*Scorecard, last ${view.weeks} weeks:* ${mrkdwnText(view.vendorName, { singleLine: true })}`),
    bk.fields([
      `*On time in full*\n${percentWords(t.otifRate)} of ${t.receiptsDone} receipts`,
      `*Average slip*\n${t.averageSlipDays === null ? '–' : `${t.averageSlipDays.toFixed(1)} days`}`,
      `*Confirmation (median)*\n${hoursWords(t.confirmLatency.p50Hours)}; ${t.neverConfirmed} never confirmed`,
      `*ETA changes per PO*\n${t.etaChangesPerOrder === null ? '–' : t.etaChangesPerOrder.toFixed(2)}`,
      `*Bill mismatches*\n${percentWords(t.billMismatchRate)} of ${t.bills} bills`,
      `*Orders sent*\n${t.ordersSent}`,
    ]),
    image,
    bk.divider(),
  ];
}
