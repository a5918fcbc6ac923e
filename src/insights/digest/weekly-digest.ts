import { hoursWords, percentWords, type Headline, type WeekHeadline } from '../headline-numbers.ts';

/** What the weekly digest posts, independent of Slack or Teams. Text is RAW (renderers escape). */
export interface WeeklyDigestView {
  title: string;
  /** The headline numbers of the last complete week: label and value. */
  numbers: Array<{ label: string; value: string }>;
  /** What changed since the week before, one sentence each, biggest news first. */
  changes: string[];
  chart: { url: string; alt: string };
}

/**
 * The digest of the week that ended: its headline numbers, one chart (approval cycle time over
 * the trend), and what moved since the week before. A change is news when it is large enough to
 * matter (10 % of a duration or rate, or any count); the rest is "about the same".
 */
export function weeklyDigest(headline: Headline, chart: { url: string; weeks: number }): WeeklyDigestView {
  const c = headline.current;
  const numbers = [
    { label: 'Approval cycle (median / p90)', value: `${hoursWords(c.approvalP50Hours)} / ${hoursWords(c.approvalP90Hours)}` },
    { label: 'Approvals decided', value: String(c.approvalsDecided) },
    { label: 'Exceptions opened / cleared', value: `${c.exceptionsOpened} / ${c.exceptionsCleared}` },
    { label: 'Open exceptions now', value: `${headline.openExceptions} (${headline.openOverAWeek} over a week)` },
    { label: 'Suppliers on time in full', value: percentWords(c.otifRate) },
    { label: 'Triage confirmed unchanged', value: percentWords(c.triageUnchangedRate) },
  ];
  return {
    title: `Procurement this week${c.week ? ` (week of ${c.week})` : ''}`,
    numbers,
    changes: changesSince(c, headline.previous),
    chart: { url: chart.url, alt: `Approval cycle time, median and 90th percentile, over the last ${chart.weeks} weeks` },
  };
}

function changesSince(c: WeekHeadline, p: WeekHeadline): string[] {
  if (!p.week) return ['First digest: nothing to compare with yet.'];
  const out: string[] = [];
  const hours = (label: string, now: number | null, before: number | null, lowerIsBetter = true) => {
    if (now === null || before === null) return;
    if (Math.abs(now - before) < Math.max(0.1 * before, 0.5)) return;
    const better = lowerIsBetter ? now < before : now > before;
    out.push(`${label} ${now < before ? 'down' : 'up'} from ${hoursWords(before)} to ${hoursWords(now)} (${better ? 'better' : 'worse'})`);
  };
  const rate = (label: string, now: number | null, before: number | null) => {
    if (now === null || before === null || Math.abs(now - before) < 0.1 * Math.max(before, 0.1)) return;
    out.push(`${label} ${now > before ? 'up' : 'down'} from ${percentWords(before)} to ${percentWords(now)} (${now > before ? 'better' : 'worse'})`);
  };
  const count = (label: string, now: number, before: number) => {
    if (now !== before) out.push(`${label}: ${now} (${now > before ? '+' : ''}${now - before} on the week before)`);
  };
  hours('Approval median', c.approvalP50Hours, p.approvalP50Hours);
  hours('Approval p90', c.approvalP90Hours, p.approvalP90Hours);
  rate('On time in full', c.otifRate, p.otifRate);
  count('Exceptions opened', c.exceptionsOpened, p.exceptionsOpened);
  count('Exceptions cleared', c.exceptionsCleared, p.exceptionsCleared);
  count('Approvals decided', c.approvalsDecided, p.approvalsDecided);
  rate('Triage confirmed unchanged', c.triageUnchangedRate, p.triageUnchangedRate);
  return out.length ? out : ['About the same as the week before.'];
}
