import { describe, expect, it } from 'vitest';
import { addBusinessHours } from '../../src/time/add-business-hours.ts';
import { businessHoursBetween, businessMinutesBetween } from '../../src/time/business-hours-between.ts';
import { isBusinessTime } from '../../src/time/is-business-time.ts';
import type { BusinessCalendar } from '../../src/time/business-calendar.ts';
import { allHours, officeHours } from './calendars.ts';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');

// November 2026 in Chicago is CST (UTC-6). 2026-11-23 is a Monday; 26-27 are Thanksgiving.
const chicago = officeHours('America/Chicago', ['2026-11-26', '2026-11-27']);

describe('addBusinessHours', () => {
  it.each([
    ['within a day', '2026-11-23T16:00:00Z', 4, '2026-11-23T20:00:00Z'],
    ['across the night', '2026-11-23T22:00:00Z', 4, '2026-11-24T16:00:00Z'],
    ['across a weekend', '2026-11-20T22:00:00Z', 4, '2026-11-23T16:00:00Z'],
    ['across two holidays and a weekend', '2026-11-25T22:00:00Z', 4, '2026-11-30T16:00:00Z'],
    ['from a Saturday', '2026-11-21T18:00:00Z', 1, '2026-11-23T15:00:00Z'],
    ['from before opening', '2026-11-23T12:00:00Z', 1, '2026-11-23T15:00:00Z'],
    ['a full day lands on the closing time, not the next morning', '2026-11-23T14:00:00Z', 10, '2026-11-24T00:00:00Z'],
    ['a fraction of an hour, to the minute', '2026-11-23T14:00:00Z', 1.5, '2026-11-23T15:30:00Z'],
    ['zero hours from outside working hours stays put', '2026-11-21T18:00:00Z', 0, '2026-11-21T18:00:00Z'],
    ['a whole working week', '2026-11-16T14:00:00Z', 50, '2026-11-21T00:00:00Z'],
  ])('%s', (_label, start, hours, expected) => {
    expect(iso(addBusinessHours(at(start), hours, chicago))).toBe(expected);
  });

  it('refuses negative hours', () => {
    expect(() => addBusinessHours(at('2026-11-23T16:00:00Z'), -1, chicago)).toThrow(RangeError);
  });

  it('says so when a calendar has no working time at all', () => {
    const closed: BusinessCalendar = { timeZone: 'UTC', week: [[], [], [], [], [], [], []], holidays: new Set() };
    expect(() => addBusinessHours(at('2026-11-23T16:00:00Z'), 1, closed)).toThrow(expect.objectContaining({ code: 'calendar_has_no_business_time' }));
  });
});

describe('businessHoursBetween', () => {
  it.each([
    ['one afternoon', '2026-11-23T16:00:00Z', '2026-11-23T22:00:00Z', 6],
    ['Friday 16:00 to Monday 10:00', '2026-11-20T22:00:00Z', '2026-11-23T16:00:00Z', 4],
    ['over Thanksgiving', '2026-11-25T14:00:00Z', '2026-11-30T14:00:00Z', 10],
    ['a night only', '2026-11-24T00:00:00Z', '2026-11-24T14:00:00Z', 0],
    ['backwards', '2026-11-23T22:00:00Z', '2026-11-23T16:00:00Z', 0],
  ])('%s', (_label, a, b, hours) => {
    expect(businessHoursBetween(at(a), at(b), chicago)).toBe(hours);
  });

  it('counts whole minutes', () => {
    expect(businessMinutesBetween(at('2026-11-23T16:00:00Z'), at('2026-11-23T16:29:59Z'), chicago)).toBe(29);
    expect(businessHoursBetween(at('2026-11-23T16:00:00Z'), at('2026-11-23T16:30:00Z'), chicago)).toBe(0.5);
  });

  it('is the inverse of addBusinessHours', () => {
    const starts = ['2026-11-20T21:17:00Z', '2026-11-21T03:00:00Z', '2026-11-25T23:59:00Z', '2026-11-23T14:00:00Z'];
    for (const start of starts) {
      for (const hours of [0.25, 1, 7.5, 10, 26, 61]) {
        const end = addBusinessHours(at(start), hours, chicago);
        expect(businessHoursBetween(at(start), end, chicago)).toBe(hours);
      }
    }
  });
});

describe('isBusinessTime', () => {
  it.each([
    ['opening minute (Mon 08:00)', '2026-11-23T14:00:00Z', true],
    ['the minute before opening', '2026-11-23T13:59:00Z', false],
    ['the last minute (17:59)', '2026-11-23T23:59:00Z', true],
    ['closing time (18:00) is out', '2026-11-24T00:00:00Z', false],
    ['Saturday noon', '2026-11-21T18:00:00Z', false],
    ['Thanksgiving noon', '2026-11-26T18:00:00Z', false],
  ])('%s', (_label, when, expected) => {
    expect(isBusinessTime(at(when), chicago)).toBe(expected);
  });
});

describe('daylight saving time', () => {
  it('America/Chicago springs forward: Friday 17:00 CST + 2h is Monday 09:00 CDT', () => {
    const cal = officeHours('America/Chicago');
    // 2026-03-06 17:00 CST = 23:00Z; 2026-03-09 09:00 CDT = 14:00Z.
    expect(iso(addBusinessHours(at('2026-03-06T23:00:00Z'), 2, cal))).toBe('2026-03-09T14:00:00Z');
    expect(businessHoursBetween(at('2026-03-06T23:00:00Z'), at('2026-03-09T14:00:00Z'), cal)).toBe(2);
    expect(isBusinessTime(at('2026-03-09T13:00:00Z'), cal)).toBe(true); // 08:00 CDT
    expect(isBusinessTime(at('2026-03-06T13:00:00Z'), cal)).toBe(false); // 07:00 CST
  });

  it('America/Chicago: the spring Sunday has 23 hours and the autumn Sunday 25', () => {
    const cal = allHours('America/Chicago');
    expect(businessHoursBetween(at('2026-03-08T06:00:00Z'), at('2026-03-09T05:00:00Z'), cal)).toBe(23);
    expect(businessHoursBetween(at('2026-11-01T05:00:00Z'), at('2026-11-02T06:00:00Z'), cal)).toBe(25);
  });

  it('Europe/Berlin springs forward: Friday 17:00 CET + 2h is Monday 09:00 CEST', () => {
    const cal = officeHours('Europe/Berlin');
    expect(iso(addBusinessHours(at('2026-03-27T16:00:00Z'), 2, cal))).toBe('2026-03-30T07:00:00Z');
  });

  it('Europe/Berlin falls back: Friday 17:00 CEST + 2h is Monday 09:00 CET', () => {
    const cal = officeHours('Europe/Berlin');
    expect(iso(addBusinessHours(at('2026-10-23T15:00:00Z'), 2, cal))).toBe('2026-10-26T08:00:00Z');
  });

  it('Europe/Berlin: a range across the skipped hour counts only the hours that exist', () => {
    const cal: BusinessCalendar = {
      timeZone: 'Europe/Berlin',
      week: [[{ startMinute: 60, endMinute: 240 }], [], [], [], [], [], []],
      holidays: new Set(),
    };
    // Sunday 2026-03-29: 01:00 CET (00:00Z) to 04:00 CEST (02:00Z) is two real hours.
    expect(businessHoursBetween(at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'), cal)).toBe(2);
    expect(iso(addBusinessHours(at('2026-03-28T12:00:00Z'), 1.5, cal))).toBe('2026-03-29T01:30:00Z');
    // Sunday 2026-10-25: 01:00 CEST (23:00Z Sat) to 04:00 CET (03:00Z) is four real hours.
    expect(businessHoursBetween(at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'), cal)).toBe(4);
  });
});
