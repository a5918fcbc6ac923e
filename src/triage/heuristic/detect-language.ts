/** The languages the heuristic has rules for. */
export type Language = 'en' | 'de' | 'es' | 'fr';

const STOPWORDS: Record<Language, string[]> = {
  en: ['the', 'and', 'to', 'of', 'we', 'you', 'your', 'is', 'for', 'will', 'on', 'with', 'please', 'are', 'be', 'our', 'this', 'that', 'it'],
  de: ['und', 'der', 'die', 'das', 'ist', 'wir', 'sie', 'ihre', 'ihnen', 'mit', 'für', 'nicht', 'von', 'zu', 'bitte', 'auf', 'den', 'dem', 'uns', 'eine'],
  es: ['el', 'los', 'las', 'que', 'y', 'en', 'por', 'para', 'su', 'con', 'del', 'nuestro', 'una', 'es', 'os', 'le', 'pedido', 'muy', 'se'],
  fr: ['le', 'les', 'et', 'des', 'nous', 'vous', 'votre', 'pour', 'est', 'une', 'du', 'au', 'aux', 'sur', 'dans', 'ne', 'pas', 'commande'],
};

/** The language most of the text's common words belong to; English when nothing stands out. */
export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts: Record<Language, number> = { en: 0, de: 0, es: 0, fr: 0 };
  const sets = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)])) as Record<Language, Set<string>>;
  for (const word of words) for (const lang of Object.keys(sets) as Language[]) if (sets[lang].has(word)) counts[lang]++;
  let best: Language = 'en';
  for (const lang of ['de', 'es', 'fr'] as const) if (counts[lang] > counts[best]) best = lang;
  return best;
}
