/** A sentence or table row of the cleaned email, with where it sits in the text. */
export interface Segment {
  text: string;
  start: number;
  end: number;
  /** A row of a table (columns separated by runs of spaces, tabs or "|"). */
  tableRow: boolean;
  /** The first row of the table this row belongs to (its column headers), or null. */
  header: string | null;
}

// Abbreviations whose period does not end a sentence ("Mr. Brenner", "Stk. Edelstahl", "ref. PR-A480").
const ABBREVIATION = /(?:^|[\s(])(?:mr|mrs|ms|dr|no|nr|ref|stk|ca|approx|inc|ltd|co|st|vs|etc|art|pos|tel|bzw|ggf|z\.b|u\.a|núm|n°|sr|sra|mme|mlle|m|p\.ej)\.$/i;
const TABLE_ROW = /\S(?: {2,}|\t+| ?\| ?)\S.*(?: {2,}|\t+| ?\| ?)\S/;

/** Splits text into sentences (within lines) and table rows, keeping offsets. */
export function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let offset = 0;
  let header: string | null = null;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) {
      header = null;
      continue;
    }
    if (TABLE_ROW.test(line)) {
      header ??= line;
      segments.push({ text: line.trim(), start: lineStart, end: lineStart + line.length, tableRow: true, header });
      continue;
    }
    header = null;
    let sentenceStart = 0;
    for (const m of line.matchAll(/[.!?]+(?=\s+\S)|[.!?]+$/g)) {
      const end = m.index + m[0].length;
      // "3. Dezember", "KW 49." mid-line: a period after a one- or two-digit number is an ordinal.
      // "am 18.03. ausgeliefert": a day-month date ends with a period too.
      const before = line.slice(0, end);
      if (ABBREVIATION.test(before) || (m[0] === '.' && /(?:^|\s)(?:\d{1,2}\.){1,2}$/.test(before) && end < line.length)) continue;
      pushSentence(segments, line, sentenceStart, end, lineStart);
      sentenceStart = end;
    }
    pushSentence(segments, line, sentenceStart, line.length, lineStart);
  }
  return segments;
}

function pushSentence(segments: Segment[], line: string, from: number, to: number, lineStart: number): void {
  const raw = line.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return;
  segments.push({ text, start: lineStart + from + lead, end: lineStart + from + lead + text.length, tableRow: false, header: null });
}
