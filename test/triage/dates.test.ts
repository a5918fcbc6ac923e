import { describe, expect, it } from 'vitest';
import { isoWeekOf, mondayOfIsoWeek } from '../../src/triage/dates/calendar-day.ts';
import { findDates } from '../../src/triage/dates/find-dates.ts';
import { slashDateOrder } from '../../src/triage/dates/slash-date-order.ts';

// Friday 27 November 2026 (ISO week 48).
const FRIDAY = { receivedDay: '2026-11-27', slashOrder: 'month_first' as const };
const resolve = (text: string, anchor: { receivedDay: string; slashOrder: 'month_first' | 'day_first' } = FRIDAY) => findDates(text, anchor).map((m) => m.day);

describe('findDates: each expression form, against the received day', () => {
  it.each([
    ['Dec 3', '2026-12-03'],
    ['December 3rd', '2026-12-03'],
    ['3 Dec', '2026-12-03'],
    ['3rd of December', '2026-12-03'],
    ['Friday 4 Dec', '2026-12-04'],
    ['Nov 30, 2026', '2026-11-30'],
    ['14-Oct-2026', '2026-10-14'],
    ['03.12.2026', '2026-12-03'],
    ['am 3.12. liefern', '2026-12-03'],
    ['03.12.26', '2026-12-03'],
    ['2026-12-09', '2026-12-09'],
    ['tomorrow', '2026-11-28'],
    ['today', '2026-11-27'],
    ['next Tuesday', '2026-12-01'],
    ['Tuesday', '2026-12-01'],
    ['this Friday', '2026-11-27'],
    ['last Wednesday', '2026-11-25'],
    ['end of next week', '2026-12-04'],
    ['end of the week', '2026-11-27'],
    ['by the end of the month', '2026-11-30'],
    ['next week', '2026-11-30'],
    ['in 10 days', '2026-12-07'],
    ['within 3 business days', '2026-12-02'],
    ['in 2 weeks', '2026-12-11'],
    ['in two weeks', '2026-12-11'],
    ['under 15 days', '2026-12-12'],
    ['the 9th', '2026-12-09'],
    ['mid-December', '2026-12-15'],
  ])('%s -> %s', (text, day) => {
    expect(resolve(text)).toEqual([day]);
  });

  it.each([
    ['KW 49', '2026-11-30'],
    ['KW49', '2026-11-30'],
    ['CW 49', '2026-11-30'],
    ['week 49', '2026-11-30'],
    ['semana 49', '2026-11-30'],
    ['semaine 49', '2026-11-30'],
    ['49. KW', '2026-11-30'],
    ['KW 2', '2027-01-11'],
  ])('ISO week %s -> its Monday %s', (text, day) => {
    expect(resolve(text)).toEqual([day]);
  });

  it.each([
    ['3. Dezember', '2026-12-03'],
    ['nächsten Dienstag', '2026-12-01'],
    ['Ende nächster Woche', '2026-12-04'],
    ['in 10 Tagen', '2026-12-07'],
    ['innerhalb von 2 Wochen', '2026-12-11'],
    ['morgen', '2026-11-28'],
    ['3 de diciembre', '2026-12-03'],
    ['9 de diciembre de 2026', '2026-12-09'],
    ['el próximo martes', '2026-12-01'],
    ['mañana', '2026-11-28'],
    ['en 10 días', '2026-12-07'],
    ['3 décembre', '2026-12-03'],
    ['le mardi 8 décembre', '2026-12-08'],
    ['mardi prochain', '2026-12-01'],
    ['demain', '2026-11-28'],
    ['dans 10 jours', '2026-12-07'],
    ['fin de la semaine prochaine', '2026-12-04'],
  ])('German, Spanish, French: %s -> %s', (text, day) => {
    expect(resolve(text)).toEqual([day]);
  });

  it('does not read greetings or mornings as tomorrow', () => {
    expect(resolve('Guten Morgen Herr Meier')).toEqual([]);
    expect(resolve('llamaré por la mañana')).toEqual([]);
  });

  it('does not read product codes, sizes or hotlines as dates', () => {
    expect(resolve("Jumbo Roll 12/1000' 2.4mm vs 2.8mm, hotline 24/7, DIN 933 8.8")).toEqual([]);
  });

  it('rolls a month-and-day without year over Dec -> Jan, and keeps a recent past date in this year', () => {
    const dec16 = { receivedDay: '2026-12-16', slashOrder: 'month_first' as const };
    expect(resolve('Jan 6', dec16)).toEqual(['2027-01-06']);
    expect(resolve('06.01.', dec16)).toEqual(['2027-01-06']);
    expect(resolve('1/6', dec16)).toEqual(['2027-01-06']);
    expect(resolve('KW 1', dec16)).toEqual(['2027-01-04']);
    expect(resolve('end of January', dec16)).toEqual(['2027-01-31']);
    expect(resolve('3 December', dec16)).toEqual(['2026-12-03']);
    expect(resolve('next Tuesday', { receivedDay: '2026-12-31', slashOrder: 'month_first' })).toEqual(['2027-01-05']);
    expect(resolve('in 10 days', { receivedDay: '2026-12-28', slashOrder: 'month_first' })).toEqual(['2027-01-07']);
  });

  it('reads 12/03 month first or day first as the email decides', () => {
    expect(resolve('12/03', { receivedDay: '2026-11-20', slashOrder: 'month_first' })).toEqual(['2026-12-03']);
    expect(resolve('03/12', { receivedDay: '2026-11-20', slashOrder: 'day_first' })).toEqual(['2026-12-03']);
    // An impossible reading in the preferred order falls back to the only possible one.
    expect(resolve('20/11', { receivedDay: '2026-11-10', slashOrder: 'month_first' })).toEqual(['2026-11-20']);
  });
});

describe('slashDateOrder', () => {
  it('follows an unambiguous slash date in the same email', () => {
    expect(slashDateOrder({ text: 'ships 12/10, delivered 12/14', language: 'en', fullText: '' })).toBe('month_first');
    expect(slashDateOrder({ text: 'ships 10/12, delivered 14/12', language: 'en', fullText: '' })).toBe('day_first');
  });

  it('puts the day first in German, Spanish and French', () => {
    for (const language of ['de', 'es', 'fr']) expect(slashDateOrder({ text: 'el 03/12', language, fullText: '' })).toBe('day_first');
  });

  it('uses locale hints from the signature, and defaults to month first in English', () => {
    expect(slashDateOrder({ text: 'New date 03/12', language: 'en', fullText: 'Joe\nVendor Ltd\nT: +44 1628 555 019' })).toBe('day_first');
    expect(slashDateOrder({ text: 'New date 03/12', language: 'en', fullText: 'Joe\nVendor Inc.\nPh 555-0148' })).toBe('month_first');
    expect(slashDateOrder({ text: 'New date 03/12', language: 'en', fullText: '' })).toBe('month_first');
  });
});

describe('ISO weeks', () => {
  it('finds the Monday of a week, and the week of a day, across year boundaries', () => {
    expect(mondayOfIsoWeek(2026, 49)).toBe('2026-11-30');
    expect(mondayOfIsoWeek(2026, 53)).toBe('2026-12-28');
    expect(mondayOfIsoWeek(2027, 53)).toBeNull();
    expect(mondayOfIsoWeek(2027, 1)).toBe('2027-01-04');
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
  });
});
