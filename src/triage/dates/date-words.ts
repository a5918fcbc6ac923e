/**
 * Month names, weekday names and small number words in English, German, Spanish and French,
 * and the regex fragments built from them. Lower case; accents optional where people drop them.
 */

const MONTH_NAMES: Record<string, number> = {};
const month = (n: number, ...names: string[]) => names.forEach((name) => (MONTH_NAMES[name] = n));
month(1, 'january', 'jan', 'januar', 'jänner', 'jaenner', 'enero', 'ene', 'janvier', 'janv');
month(2, 'february', 'feb', 'februar', 'febrero', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev');
month(3, 'march', 'mar', 'märz', 'maerz', 'mrz', 'mär', 'marzo', 'mars');
month(4, 'april', 'apr', 'abril', 'abr', 'avril', 'avr');
// "May"/"mai" only count next to a day number (the patterns require one), so "may contain" is safe.
month(5, 'may', 'mai', 'mayo');
month(6, 'june', 'jun', 'juni', 'junio', 'juin');
month(7, 'july', 'jul', 'juli', 'julio', 'juillet', 'juil');
month(8, 'august', 'aug', 'agosto', 'août', 'aout');
month(9, 'september', 'sep', 'sept', 'septiembre', 'setiembre', 'septembre');
month(10, 'october', 'oct', 'oktober', 'okt', 'octubre', 'octobre');
month(11, 'november', 'nov', 'noviembre', 'novembre');
month(12, 'december', 'dec', 'dezember', 'dez', 'diciembre', 'dic', 'décembre', 'decembre', 'déc');

/** ISO weekday (1 = Monday) by full name; abbreviations are only trusted next to a date. */
const WEEKDAY_NAMES: Record<string, number> = {};
const weekday = (n: number, ...names: string[]) => names.forEach((name) => (WEEKDAY_NAMES[name] = n));
weekday(1, 'monday', 'montag', 'lunes', 'lundi');
weekday(2, 'tuesday', 'dienstag', 'martes', 'mardi');
weekday(3, 'wednesday', 'mittwoch', 'miércoles', 'miercoles', 'mercredi');
weekday(4, 'thursday', 'donnerstag', 'jueves', 'jeudi');
weekday(5, 'friday', 'freitag', 'viernes', 'vendredi');
weekday(6, 'saturday', 'samstag', 'sonnabend', 'sábado', 'sabado', 'samedi');
weekday(7, 'sunday', 'sonntag', 'domingo', 'dimanche');

const WEEKDAY_ABBREVIATIONS: Record<string, number> = {
  mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
  mo: 1, di: 2, mi: 3, do: 4, fr: 5, sa: 6, so: 7, lun: 1, mar: 2, mié: 3, mie: 3, jue: 4, vie: 5, mer: 3, jeu: 4, ven: 5,
};

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30,
  ein: 1, eine: 1, einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, zehn: 10, vierzehn: 14,
  un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, diez: 10, quince: 15,
  une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, dix: 10, quinze: 15,
};

const byLengthDesc = (names: string[]) => [...names].sort((a, b) => b.length - a.length).map(escape);

/** Alternation of every month name (longest first so "dezember" beats "dez"). */
export const MONTH_PATTERN = byLengthDesc(Object.keys(MONTH_NAMES)).join('|');
/** Alternation of full weekday names. */
export const WEEKDAY_PATTERN = byLengthDesc(Object.keys(WEEKDAY_NAMES)).join('|');
/** Full names and abbreviations, for a weekday written in front of a date ("Tues 11/24"). */
export const ANY_WEEKDAY_PATTERN = byLengthDesc([...Object.keys(WEEKDAY_NAMES), ...Object.keys(WEEKDAY_ABBREVIATIONS)]).join('|');
/** Digits or a small number word. */
export const COUNT_PATTERN = `\\d{1,3}|${byLengthDesc(Object.keys(NUMBER_WORDS)).join('|')}`;

/** Unicode-aware word boundaries (JavaScript's \b only knows ASCII letters). */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

export function monthNumber(name: string): number | null {
  return MONTH_NAMES[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function weekdayNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  return WEEKDAY_NAMES[key] ?? WEEKDAY_ABBREVIATIONS[key] ?? null;
}

export function countValue(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()] ?? null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
