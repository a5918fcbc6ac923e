/** A calendar day `YYYY-MM-DD` of an instant in a time zone (en-CA formats days that way). */
export function dayIn(timeZone: string): (d: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (d) => format.format(d);
}

/** An Odoo DATE (`YYYY-MM-DD`, no zone) as an instant at noon UTC, for ordering only. */
export function dayToInstant(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** "4 days", "1 day", "less than a day". */
export function daysWords(from: Date, to: Date): string {
  const days = Math.floor((to.getTime() - from.getTime()) / 86_400_000);
  if (days < 1) return 'less than a day';
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** "2026-12-04 14:05 CST": an instant to the minute in a time zone (when a decision was taken). */
export function minuteIn(timeZone: string): (d: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  return (d) => {
    const p = Object.fromEntries(format.formatToParts(d).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName}`;
  };
}
