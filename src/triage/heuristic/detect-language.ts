/** The languages the heuristic has rules for (and chrono-node has date parsers for). */
export const LANGUAGES = ['en', 'de', 'es', 'fr', 'nl', 'it', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

// Short function words that are frequent in one language and rare in the others.
const STOPWORDS: Record<Language, string[]> = {
  en: ['the', 'and', 'to', 'of', 'we', 'you', 'your', 'is', 'for', 'will', 'on', 'with', 'please', 'are', 'be', 'our', 'this', 'that', 'it'],
  de: ['und', 'der', 'die', 'das', 'ist', 'wir', 'sie', 'ihre', 'ihnen', 'mit', 'für', 'nicht', 'von', 'zu', 'bitte', 'auf', 'den', 'dem', 'uns', 'eine'],
  es: ['el', 'los', 'las', 'que', 'y', 'en', 'por', 'para', 'su', 'con', 'del', 'nuestro', 'una', 'es', 'os', 'le', 'pedido', 'muy', 'se'],
  fr: ['le', 'les', 'et', 'des', 'nous', 'vous', 'votre', 'pour', 'est', 'une', 'du', 'au', 'aux', 'sur', 'dans', 'ne', 'pas', 'commande'],
  nl: ['het', 'een', 'en', 'van', 'wij', 'we', 'u', 'uw', 'jullie', 'niet', 'voor', 'met', 'op', 'is', 'zijn', 'dat', 'ons', 'onze', 'graag', 'bij'],
  it: ['il', 'di', 'che', 'per', 'con', 'non', 'della', 'delle', 'dei', 'alla', 'sono', 'vi', 'vs', 'ci', 'nostro', 'ordine', 'gli', 'questo', 'siamo'],
  pt: ['o', 'os', 'as', 'de', 'que', 'não', 'para', 'com', 'uma', 'um', 'do', 'da', 'dos', 'das', 'seu', 'sua', 'nosso', 'pedido', 'encomenda', 'é'],
};
const SETS = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)])) as Record<Language, Set<string>>;

/** The language most of the text's common words belong to; English when nothing stands out. */
export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = Object.fromEntries(LANGUAGES.map((l) => [l, 0])) as Record<Language, number>;
  for (const word of words) for (const lang of LANGUAGES) if (SETS[lang].has(word)) counts[lang]++;
  let best: Language = 'en';
  for (const lang of LANGUAGES) if (counts[lang] > counts[best]) best = lang;
  return best;
}
