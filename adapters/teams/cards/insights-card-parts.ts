import { hoursWords, percentWords } from '../../../src/insights/headline-numbers.ts';
import type { PersonalNumbers } from '../../../src/insights/insight-types.ts';
import type { VendorScorecardView } from '../../../src/status/status-insights.ts';
import { ac, type CardElement } from './adaptive-card.ts';
import { cardTextWithin } from './escape-card-text.ts';

/** "Your numbers" on the Teams home card (Teams' stand-in for the App Home tab). */
export function personalNumbersElements(numbers: PersonalNumbers | null): CardElement[] {
  const title = ac.text('**Your numbers**', { spacing: 'none' });
  if (!numbers) return [title, ac.subtle('Your numbers cannot be read right now; they come back on the next refresh.')];
  return [
    title,
    ac.facts([
      { title: 'Waiting for you', value: String(numbers.pendingApprovals) },
      { title: 'Your median decision time', value: `${hoursWords(numbers.medianDecisionHours)} (last 90 days)` },
      { title: 'Your decisions', value: `${numbers.decisionsLast30Days} in the last 30 days` },
      { title: 'Open exceptions on your POs', value: String(numbers.openExceptionsOnMyOrders) },
    ]),
  ];
}

/** `po vendor Acme`: the scorecard, then the trend chart (a signed PNG URL). */
export function scorecardElements(view: VendorScorecardView): CardElement[] {
  const t = view.total;
  return [
    ac.text(`**Scorecard, last ${view.weeks} weeks:** ${cardTextWithin(view.vendorName, 120, { singleLine: true })}`, { spacing: 'small' }),
    ac.facts([
      { title: 'On time in full', value: `${percentWords(t.otifRate)} of ${t.receiptsDone} receipts` },
      { title: 'Average slip', value: t.averageSlipDays === null ? '–' : `${t.averageSlipDays.toFixed(1)} days` },
      { title: 'Confirmation (median)', value: `${hoursWords(t.confirmLatency.p50Hours)}; ${t.neverConfirmed} never confirmed` },
      { title: 'ETA changes per PO', value: t.etaChangesPerOrder === null ? '–' : t.etaChangesPerOrder.toFixed(2) },
      { title: 'Bill mismatches', value: `${percentWords(t.billMismatchRate)} of ${t.bills} bills` },
      { title: 'Orders sent', value: String(t.ordersSent) },
    ]),
    ac.image(view.chartUrl, `Trend of ${view.vendorName}: on time in full, slip and confirmation latency per week`.slice(0, 250)),
  ];
}
