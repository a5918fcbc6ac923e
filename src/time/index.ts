/** Business hours: working time per weekday in an IANA zone, minus holidays, DST-safe. */
export type { BusinessCalendar, WorkingRange, Weekday } from './business-calendar.ts';
export { addBusinessHours } from './add-business-hours.ts';
export { businessHoursBetween, businessMinutesBetween } from './business-hours-between.ts';
export { isBusinessTime } from './is-business-time.ts';
