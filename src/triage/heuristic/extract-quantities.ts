import type { Quantities } from '../email-reading.ts';
import { NEGATIONS } from './category-rules.ts';
import { parseNumber } from './parse-number.ts';
import type { Segment } from './text-segments.ts';

const N = String.raw`(\d[\d.,]*)`;
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const UNITS = 'pcs|pz|pezzi|stuks|peças|pecas|unità|cartoni|colli|dozen|dz|rollen|rolos|rotoli|dozijn|latas|cans?|liners|pieces?|cases?|cs|ctns?|cartons?|boxes|box|pallets?|units?|ea|each|drums?|rolls?|bags?|kg|lbs?|cyl|cylinders?|dz|dozen|stk|stück|kartons?|paletten|cajas?|palés|palets?|unidades|colis|pièces|palettes?|bottles?|botellas?|bouteilles?|flaschen';
const UNIT = String.raw`(?:\s+(${UNITS})\.?(?![\p{L}]))?`;

// "18 of the 25 cases", "40 of 100", "6 von 10", "40 cartons sur 60"
const PART_OF_WHOLE = new RegExp(String.raw`${B}${N}(?:\s+(${UNITS}))?\s+(?:of|out\s+of|von|de|sur)\s+(?:the\s+|den\s+|los\s+|las\s+|les\s+)?${N}${UNIT}`, 'iu');
const SHIPPED = [
  new RegExp(String.raw`${B}(?:ship(?:ping)?|deliver(?:ing)?|send(?:ing)?|liefern|enviamos|enviaremos|entregamos|livrons|livrer|expédions)\s+(?:now\s+|only\s+|you\s+|the\s+first\s+|about\s+)?${N}(?!\s*(?:%|days?|weeks?))${UNIT}`, 'iu'),
  new RegExp(String.raw`${B}(?:the\s+)?${N}${UNIT}\s+(?:(?:will\s+be|are\s+being|are|is|have\s+been|were|wird|werden|serán|seront)\s+)?(?:shipped|delivered|dispatched|despatched|geliefert|versandt|enviad\p{L}*|livrée?s?|expédiée?s?|on\s+the\s+truck)`, 'iu'),
  // "uniquement pour 150 cartons", "only 96 cases", "primeira parte de 1.200 unidades"
  new RegExp(String.raw`${B}(?:only|uniquement(?:\s+pour)?|solamente|nur|alleen|solo|apenas|(?:a\s+|the\s+|una\s+|uma\s+|la\s+|une\s+)?(?:first\s+part|primeira\s+parte|prima\s+parte|première\s+partie|primera\s+parte|eerste\s+deel|ersten?\s+teil)\s+(?:of|de|di|van|von))\s+${N}(?!\s*(?:%|days?|weeks?|of|de|von|sur))${UNIT}`, 'iu'),
  // "kunnen we morgen 24 dozen leveren" (the verb comes last in Dutch and German)
  new RegExp(String.raw`${B}${N}${UNIT}\s+(?:leveren|liefern|verzenden|versenden|consegnare|entregar|livrer)(?![\p{L}])`, 'iu'),
  // "consegneremo 500 pezzi", "hoy cargamos 3 palés", "erhalten Sie wie geplant 60 Kartons", "leveren wij 40 dozen"
  new RegExp(String.raw`${B}(?:consegner\p{L}*|spedi\p{L}*|cargamos|cargaremos|carichiamo|leveren\s+(?:wij|we)|verzenden\s+(?:wij|we)|enviaremos|entregaremos|erhalten\s+sie|you(?:'ll|\s+will)\s+(?:get|receive)|recibir\p{L}*|recevrez|ontvangt\s+u|riceverete|receber\p{L}*)\s+(?:\p{L}+\s+){0,3}?${N}(?!\s*(?:%|days?|weeks?))${UNIT}`, 'iu'),
];
const REMAINDER = [
  new RegExp(String.raw`${B}(?:balance|remaining|rest|other|overige|altri|demais|restantes|restlichen?|restmenge|resto|reliquat|solde|saldo|resterende|restante)\s+(?:of\s+|de\s+|von\s+|du\s+|di\s+|van\s+)?(?:the\s+)?${N}${UNIT}`, 'iu'),
  new RegExp(String.raw`${B}${N}${UNIT}\s+(?:back-?ordered|on\s+b/o|on\s+back-?order|to\s+follow|will\s+follow|im\s+rückstand|pendientes?|restantes?|rimanenti|resterende|remaining|volgen|seguir\p{L}*)`, 'iu'),
];
const CANCEL_WORDS = /(?<![\p{L}])(?:cancel\p{L}*|storn\p{L}*|annul\p{L}*|anula\p{L}*|cancela\p{L}*|won't\s+be\s+able\s+to\s+fill|unable\s+to\s+fill)/iu;
// A cancellation only counts when stated, not offered ("let me know if you'd rather cancel the 7").
const CANCELLED = { test: (text: string) => CANCEL_WORDS.test(text) && !(NEGATIONS.cancellation?.test(text) ?? false) };
const ORDERED_COLUMN = /ordered|ord(?:er)?\.?\s+qty|bestell|pedid|command|besteld|ordinat|encomendad/i;
const SHIPPED_COLUMN = /ship|sent|deliver|geliefert|liefer|enviad|envío|livr|expédi|gelever|spedit|consegnat|entregue/i;
const REMAINDER_COLUMN = /b\/o|back-?order|balance|open|rest|pendiente|reliquat|solde/i;

/**
 * The split of a partial shipment: what ships now, what follows later (backordered) or never
 * (cancelled). From "X of Y" phrases, a table with ordered/shipped columns (its TOTAL row, or
 * the short rows), or "shipping N ... the balance N" phrases, in that order of trust.
 */
export function extractQuantities(segments: Segment[]): FoundQuantities | null {
  return fromPartOfWhole(segments) ?? fromTable(segments) ?? fromPhrases(segments);
}

/** The quantities and the sentence (or table row) they were read from. */
export interface FoundQuantities {
  quantities: Quantities;
  segment: Segment;
}

function fromPartOfWhole(segments: Segment[]): FoundQuantities | null {
  for (const segment of segments) {
    if (segment.tableRow) continue;
    const m = PART_OF_WHOLE.exec(segment.text);
    if (!m) continue;
    const [shipped, ordered] = [num(m[1]), num(m[3])];
    if (shipped === null || ordered === null || shipped <= 0 || shipped >= ordered) continue;
    const rest = ordered - shipped;
    const cancelled = segments.some((s) => CANCELLED.test(s.text) && new RegExp(String.raw`${B}${rest}${E}`, 'u').test(s.text));
    return { quantities: withUnit({ ordered, shipped, backordered: cancelled ? 0 : rest, ...(cancelled ? { cancelled: rest } : {}) }, m[4] ?? m[2]), segment };
  }
  return null;
}

function fromTable(segments: Segment[]): FoundQuantities | null {
  const rows = segments.filter((s) => s.tableRow && s.header && s.text !== s.header && ORDERED_COLUMN.test(s.header) && SHIPPED_COLUMN.test(s.header));
  if (rows.length === 0) return null;
  const hasRemainder = REMAINDER_COLUMN.test(rows[0]?.header ?? '');
  const parsed = rows.map((row) => {
    const numbers = [...row.text.matchAll(/(?<![\p{L}\d/.,-])\d[\d.,]*(?![\p{L}\d/])/gu)].map((m) => num(m[0])).filter((n): n is number => n !== null);
    const [ordered, shipped, remainder] = hasRemainder ? numbers.slice(-3) : [...numbers.slice(-2), undefined];
    const rest = remainder ?? (ordered !== undefined && shipped !== undefined ? ordered - shipped : undefined);
    return { total: /^total\b/i.test(row.text), ordered, shipped, rest };
  });
  const usable = parsed.filter((r) => r.ordered !== undefined && r.shipped !== undefined && r.rest !== undefined);
  const total = usable.find((r) => r.total);
  const chosen = total ? [total] : usable.filter((r) => (r.rest ?? 0) > 0);
  if (chosen.length === 0) return null;
  const sum = (key: 'ordered' | 'shipped' | 'rest') => chosen.reduce((acc, r) => acc + (r[key] ?? 0), 0);
  const segment = rows[parsed.indexOf(chosen[0] ?? parsed[0]!)] ?? rows[0]!;
  return { quantities: { ordered: sum('ordered'), shipped: sum('shipped'), backordered: sum('rest') }, segment };
}

function fromPhrases(segments: Segment[]): FoundQuantities | null {
  let shipped: number | null = null;
  let where: Segment | undefined;
  let rest: number | null = null;
  let unit: string | undefined;
  let cancelled = false;
  for (const segment of segments) {
    for (const re of SHIPPED) {
      const m: RegExpExecArray | null = shipped === null ? re.exec(segment.text) : null;
      if (m) [shipped, unit, where] = [num(m[1]), m[2], segment];
    }
    for (const re of REMAINDER) {
      const m: RegExpExecArray | null = rest === null ? re.exec(segment.text) : null;
      if (m) [rest, cancelled] = [num(m[1]), CANCELLED.test(segment.text)];
    }
  }
  if (shipped === null || rest === null || shipped <= 0 || rest <= 0 || !where) return null;
  return { quantities: withUnit({ shipped, backordered: cancelled ? 0 : rest, ...(cancelled ? { cancelled: rest } : {}) }, unit), segment: where };
}

function withUnit(q: Quantities, unit: string | undefined): Quantities {
  return unit ? { ...q, unit: unit.toLowerCase() } : q;
}

function num(raw: string | undefined): number | null {
  return raw ? parseNumber(raw.replace(/[.,]$/, '')) : null;
}
