/**
 * Text aimed at the bot rather than at the buyer: instructions to ignore earlier instructions,
 * fake role lines ("SYSTEM:"), commands to classify, approve or close, or words addressed to an
 * AI. A request to the buyer (new bank details, "please confirm") is not injection, however
 * suspicious: that is for the buyer to judge; this is about text trying to steer the reader.
 */

const B = '(?<![\\p{L}\\p{N}])';
const PATTERNS: RegExp[] = [
  `(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+)?(?:of\\s+)?(?:the\\s+|your\\s+|my\\s+)?(?:previous|prior|above|earlier|preceding|former|system|original)\\s+(?:instructions?|prompts?|rules|directions|guidelines|commands)`,
  `(?:ignore|disregard)\\s+(?:all|everything)\\s+(?:above|before|previously)`,
  `ignorier\\p{L}*\\s+(?:alle\\s+)?(?:vorherigen|bisherigen|obigen|vorigen)\\s+(?:anweisungen|instruktionen|befehle)`,
  `ignor[ae]\\p{L}*\\s+(?:todas\\s+)?(?:las\\s+)?instrucciones\\s+(?:anteriores|previas)`,
  `ignore[zr]?\\s+(?:toutes\\s+)?(?:les\\s+)?instructions\\s+(?:précédentes|antérieures)`,
  `^\\s*\\[?(?:system|assistant|developer)\\]?\\s*(?:prompt|message|note|override)?\\s*:`,
  `<\\|?(?:im_start|system)\\|?>|\\[/?inst\\]`,
  `(?:note|message|instructions?)\\s+(?:to|for)\\s+(?:the\\s+|any\\s+)?(?:automated|ai|automatic)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:assistant|agent|bot|system|model|processor)`,
  `(?:dear|hey|hello|attention)\\s+(?:ai|bot|assistant|chatbot|gpt|llm)(?![\\p{L}])`,
  `as\\s+an\\s+ai(?:\\s+(?:language\\s+)?model)?(?![\\p{L}])|you\\s+are\\s+(?:now\\s+)?(?:an?\\s+)?(?:ai|language\\s+model|chatgpt|helpful\\s+assistant)(?![\\p{L}])`,
  `(?:ai|llm|gpt|chatbot|language\\s+model|bot)s?\\s+(?:reading|processing|parsing|handling)\\s+this`,
  // "[[ASSISTANT DIRECTIVE - processing bot: ...]]", "AI instruction:", "to the processing system:"
  `(?:assistant|system|ai|bot|model|llm)\\s+(?:directive|instruction|command|override)s?`,
  `(?:processing|parsing|reading|triage|automated|automatic)\\s+(?:bot|agent|assistant|system|ai)\\s*[:,-]`,
  `(?:record|mark|set|log)\\s+this\\s+(?:po|order|purchase\\s+order|email|message)\\s+as`,
  `suppress\\s+(?:any|all|the)\\s+(?:exception|alert|warning|notification)s?`,
  // The same instructions in the other languages the bot reads.
  `(?:an\\s+(?:den|die)\\s+)?(?:ki|bot)[-\\s]?(?:assistent\\p{L}*|system)\\s*:|hinweis\\s+für\\s+(?:den|die)\\s+(?:ki|bot|automatische\\p{L}*)`,
  `(?:nota|mensaje|instrucci[oó]n)\\s+para\\s+(?:el\\s+|la\\s+)?(?:asistente|bot|ia|sistema)\\s+(?:de\\s+)?(?:ia|automátic\\p{L}*)?`,
  `(?:note|message|instruction)\\s+(?:pour|à)\\s+(?:l'|le\\s+|la\\s+)?(?:assistant|bot|ia|robot)`,
  `(?:notitie|bericht|instructie)\\s+voor\\s+(?:de\\s+)?(?:ai|bot|assistent|ki)`,
  `(?:nota|messaggio|istruzion\\p{L}*)\\s+per\\s+(?:l'|il\\s+|lo\\s+)?(?:assistente|bot|ia|ai)`,
  `(?:nota|mensagem|instruç\\p{L}*)\\s+para\\s+(?:o\\s+|a\\s+)?(?:assistente|bot|ia|ai)`,
  `ignor\\p{L}*\\s+(?:alle\\s+|todas\\s+(?:as\\s+)?|tutte\\s+le\\s+)?(?:eerdere|vorige|precedenti|instruções|anteriores|istruzioni)\\s*(?:instructies|istruzioni|anteriores|precedenti)?`,
  `(?:classific\\p{L}*|clasific\\p{L}*|classifique\\p{L}*|markeer|marcar|segna)\\s+(?:dit|deze|esta|este|questa|questo|cette|ce|diese|dieses)\\s+(?:e-?mail|bericht|mensaje|messaggio|mensagem|message|nachricht)\\s+(?:als|como|come|comme)`,
  `(?:mark|classify|categori[sz]e|label|tag|treat)\\s+this\\s+(?:e-?mail|message|ticket|request)\\s+as`,
  `category\\s*=\\s*[a-z_]+|set\\s+(?:the\\s+)?category\\s+to`,
  `close\\s+(?:the|this)\\s+(?:ticket|case|exception)`,
  `approve\\s+(?:this\\s+|the\\s+)?(?:po|purchase\\s+order)(?![\\p{L}])|auto-?approve|approve\\s+automatically`,
  `without\\s+(?:buyer|human|manual)\\s+(?:review|approval|confirmation)`,
  `do\\s+not\\s+(?:flag|escalate|alert|notify)\\s+(?:the\\s+)?(?:buyer|finance|anyone|a\\s+human)`,
].map((source) => new RegExp(`${B}(?:${source})`, 'imu'));

/** Lines of `text` that carry instructions for the bot (empty when none). */
export function findInjectionLines(text: string): string[] {
  return text.split('\n').filter((line) => PATTERNS.some((re) => re.test(line)));
}

/** Whether the email contains text aimed at the bot. */
export function isInjectionSuspected(text: string): boolean {
  return findInjectionLines(text).length > 0;
}
