import type { EmailCategory } from '../email-reading.ts';

/**
 * Phrases that signal each category, in English, German, Spanish and French, with a weight
 * (3 = says it outright, 2 = strong hint, 1 = weak hint). Phrases only: no vendor names, ids
 * or sentences from any data set. A sentence that matches a category's `negation` ("pricing
 * stays as quoted", "please confirm", "if you'd rather cancel") does not count for it.
 */
export interface CategoryRule {
  category: Exclude<EmailCategory, never>;
  weight: number;
  pattern: RegExp;
}

const L = '\\p{L}*';
const re = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu');

const table: Array<[EmailCategory, number, string]> = [
  // delay
  ['delay', 3, `delay(?:ed|s)?|postpon${L}|reschedul${L}|(?:going\\s+to|will|gonna|to)\\s+be\\s+late|running\\s+late|arrive\\s+late|later\\s+than`],
  ['delay', 3, `verz[öo]ger${L}|lieferverzug|verspät${L}|verschieb${L}|verschoben|terminverschiebung`],
  ['delay', 3, `retras${L}|demora${L}|aplaza${L}|pospon${L}|retard|retardée?s?|report(?:é|ée|és|ées|er)|décal${L}`],
  ['delay', 3, `slip(?:s|ped|ping)?|push(?:ed|ing)?\\s+(?:back|out)|pushed\\s+to`],
  ['delay', 3, `new\\s+(?:ship(?:ping)?|delivery|arrival|dispatch)\\s+date|revised\\s+(?:delivery|ship(?:ping)?|eta|arrival)|updated\\s+eta|nueva\\s+fecha|nouvelle\\s+date|neue[rn]?\\s+(?:liefer)?termin`],
  ['delay', 3, `no\\s+podremos\\s+(?:entregar|enviar|servir)|ne\\s+pourrons\\s+pas\\s+(?:vous\\s+)?(?:livrer|expédier)|(?:termin|liefertermin)\\s+nicht\\s+(?:halten|einhalten)`],
  ['delay', 3, `won'?t\\s+make|no\\s+way\\s+(?:it|we)\\s+make|(?:can ?not|can't|unable\\s+to|won't\\s+be\\s+able\\s+to)\\s+(?:make|meet|hold|keep)\\s+(?:the\\s+|this\\s+|that\\s+|your\\s+)?(?:date|deadline|delivery|ship\\s+date)`],
  ['delay', 3, `stuck\\s+(?:in|at)\\s+customs|held\\s+(?:up\\s+)?(?:in|at)\\s+customs|customs\\s+(?:hold|exam|inspection)|hold-?up`],
  ['delay', 2, `behind\\s+schedule|(?:we're|were|we\\s+are|we\\s+re)\\s+behind|back-?order(?:ed|s)?|rückstand|instead\\s+of\\s+(?:today|tomorrow)|rolled|port\\s+congestion|overbooked`],
  ['delay', 1, `outage|breakdown|is\\s+down|went\\s+down|avería|panne|ausfall|störung|allocation|shortage|late|expect\\s+to\\s+(?:ship|deliver)`],
  // delay in Dutch, Italian, Portuguese, and said through consequences ("not complete in time")
  ['delay', 3, `vertraag${L}|vertraging${L}|uitgesteld|later\\s+geleverd|nieuwe\\s+leverdatum|ritard${L}|posticip${L}|slitta${L}|nuova\\s+data|atras${L}|adiad${L}|nova\\s+data`],
  ['delay', 3, `(?:not|won't)\\s+(?:be\\s+)?(?:complete|completed|ready|finished)\\s+in\\s+time|miss(?:es|ed)?\\s+(?:the\\s+)?(?:original|planned|requested)\\s+(?:delivery\\s+)?date|niet\\s+(?:op\\s+tijd|halen)|non\\s+riusciremo\\s+a\\s+(?:consegnare|rispettare)|não\\s+(?:conseguiremos|vamos\\s+conseguir)\\s+(?:entregar|cumprir)`],
  ['delay', 3, `non\\s+è\\s+realizzabil${L}|not\\s+(?:feasible|achievable)|nicht\\s+(?:machbar|realisierbar|einzuhalten)|no\\s+es\\s+(?:posible|factible)|pas\\s+(?:possible|réalisable)|niet\\s+haalbaar|não\\s+é\\s+(?:possível|viável)|non\\s+(?:possiamo|potremo)\\s+(?:consegnare|rispettare)`],
  ['delay', 2, `supply\\s+constraint|we\\s+now\\s+expect|voraussichtlich\\s+erst|erst\\s+(?:in|am|ab)|leveringsprobleem|capacit${L}\\s+problem${L}`],
  // partial_shipment
  ['partial_shipment', 3, `partial(?:ly)?\\s+(?:shipment|delivery|quantity|ship${L})|ship\\s+partial|short[-\\s]?ship${L}|short\\s+shipment|lines?\\s+short|short\\s+on|shipped\\s+short`],
  ['partial_shipment', 3, `teillieferung|teilmenge|restmenge|entrega\\s+parcial|env[íi]o\\s+parcial|livraison\\s+partielle|exp[ée]dition\\s+partielle|reliquat`],
  ['partial_shipment', 3, `(?:the\\s+)?balance\\s+(?:of\\s+)?\\d|(?:remaining|other)\\s+\\d[\\d,.]*\\s+\\p{L}+\\s+(?:will|to\\s+follow|follow|come|ship)`],
  ['partial_shipment', 2, `b/o|only\\s+\\d[\\d,.]*\\s+(?:of|out\\s+of)`],
  ['partial_shipment', 3, `deellevering|gedeeltelijke\\s+levering|spedizione\\s+parziale|consegna\\s+parziale|entrega\\s+parcial|envio\\s+parcial|part\\s+(?:despatch|dispatch|shipment)|nicht\\s+vollständig\\s+(?:aus)?liefern|not\\s+(?:ship|deliver)\\s+(?:in\\s+)?(?:full|complete)`],
  ['partial_shipment', 2, `restmenge|nachlieferung|reliquat|saldo\\s+di|restantes?|rimanenti|resterende|(?:will|to)\\s+follow|volgt\\s+later|seguir[áa]n?|seguiranno`],
  ['partial_shipment', 1, `back-?order(?:ed|s)?`],
  // price_change
  ['price_change', 3, `price\\s+(?:increase|adjustment|change|rise|reduction|decrease|drop|update)s?|pric(?:e|ing)\\s+discrepancy|price\\s+list`],
  ['price_change', 3, `(?:increase|decrease|reduction|rise)\\s+(?:of|by)\\s+[+-]?\\d|\\d+(?:[.,]\\d+)?\\s?%\\s+(?:price\\s+)?(?:increase|decrease|surcharge|reduction|rise)`],
  ['price_change', 3, `(?:new|updated|current|revised)\\s+(?:unit\\s+)?(?:price|pricing|prices)|surcharge|recargo|zuschlag|majoration`],
  ['price_change', 3, `preisanpassung|preiserh[öo]hung|preis[äa]nderung|preissenkung|neue[rn]?\\s+(?:st[üu]ck)?preis|teuerungszuschlag|legierungszuschl${L}`],
  ['price_change', 3, `subida\\s+(?:del?\\s+)?(?:los\\s+)?precios?|aumento\\s+(?:del?\\s+)?precios?|nuevo\\s+precio|precio\\s+(?:unitario\\s+)?pasa|incremento\\s+(?:del?\\s+)?precio`],
  ['price_change', 3, `(?:hausse|augmentation|baisse)\\s+(?:de\\s+|des\\s+)?(?:nos\\s+|vos\\s+|les\\s+)?(?:prix|tarifs?)|(?:hausse|augmentation)\\s+tarifaire|nouveaux?\\s+(?:prix|tarifs?)`],
  ['price_change', 3, `(?:prices?|pricing|rates)\\s+(?:will\\s+)?(?:increase|go\\s+up|rise)|increase\\s+(?:in|of|to)\\s+(?:our\\s+)?(?:prices|rates|pricing)|preise\\s+(?:steigen|erhöhen|ändern)|(?:aumento|incremento|subida)\\s+(?:de\\s+)?(?:nuestras?\\s+|las\\s+|los\\s+)?(?:tarifas|precios)`],
  ['price_change', 3, `price\\s+(?:on\\s+.{1,40}?\\s+)?(?:drops|goes\\s+up|increases|rises|changes|falls)|(?:drops|rises|increases|decreases)\\s+from`],
  ['price_change', 2, `(?:costs?|landed\\s+cost)\\s.{0,50}(?:gone\\s+up|went\\s+up|risen|increased|better|lower)|passing\\s+(?:that|this|it)\\s+on`],
  ['price_change', 3, `\\p{L}*toeslag|prijsverhoging|prijswijziging|prijsaanpassing|nieuwe\\s+prijs${L}|aumento\\s+(?:di\\s+|del\\s+)?prezz${L}|rincaro|maggiorazione|nuovo\\s+listino|nuovi\\s+prezzi|reajuste|aumento\\s+(?:de\\s+|do\\s+|dos\\s+)?preç${L}|novo\\s+preço|novos\\s+preços|sobretaxa|acréscimo`],
  ['price_change', 3, `révision\\s+tarifaire|revaloris${L}|(?:raised|increased)\\s+(?:the\\s+)?(?:cost|price)s?|(?:preis|kosten)\\p{L}*\\s.{0,60}(?:geändert|gestiegen|erhöht)`],
  ['price_change', 1, `price|pricing|preis|precio|prix|tarif`],
  // cancellation
  ['cancellation', 3, `cancel(?:l?ed|l?ing|lation|s)?|storn${L}|annul${L}|cancela${L}|anula${L}`],
  ['cancellation', 3, `decline\\s+(?:this|the|your)\\s+(?:one|order|po)|(?:unable\\s+to|can ?not|can't|won't\\s+be\\s+able\\s+to)\\s+(?:fill|supply|fulfil+)|no\\s+longer\\s+(?:able\\s+to\\s+)?(?:supply|serve|deliver|produce|carry|stock)|ne\\s+sommes\\s+plus\\s+en\\s+mesure|ya\\s+no\\s+(?:podemos|podremos|fabricamos)|nicht\\s+mehr\\s+(?:liefer|herstell)${L}`],
  ['cancellation', 2, `discontinu${L}|eingestellt|descatalogad${L}|cessé\\s+la\\s+production|stopped\\s+production|end[-\\s]of[-\\s]life|(?:can ?not|can't)\\s+deliver\\s+(?:po|the\\s+order|this\\s+order|your\\s+order)`],
  ['cancellation', 2, `rupture\\s+de\\s+stock|sold\\s+out|ausverkauft|agotad${L}|out\\s+of\\s+stock|no\\s+(?:remaining\\s+)?stock|no\\s+restock|sans\\s+date\\s+de\\s+réapprovisionnement|source\\s+elsewhere|find\\s+another\\s+(?:vendor|supplier)`],
  ['cancellation', 1, `nothing\\s+will\\s+be\\s+invoiced|aucune\\s+facture|no\\s+se\\s+facturará`],
  ['cancellation', 3, `annuler${L}|geannuleerd|annuleren|annulering|annullat${L}|annullament${L}|cancelad${L}|cancelamento`],
  ['cancellation', 2, `niet\\s+meer\\s+leverbaar|uit\\s+(?:het\\s+)?assortiment|fuori\\s+produzione|non\\s+più\\s+disponibil${L}|fora\\s+de\\s+linha|descontinuad${L}`],
  // quality_issue
  ['quality_issue', 4, `recall|rückruf${L}|retirada\\s+del\\s+mercado|rappel\\s+(?:de\\s+)?produits?`],
  ['quality_issue', 3, `quality\\s+(?:hold|issue|problem|defect|complaint|concern)|qualitätsproblem|qualitätsmangel|problema\\s+de\\s+calidad|problème\\s+de\\s+qualité|non[-\\s]?conform${L}|nicht\\s+konform|no\\s+conforme`],
  ['quality_issue', 3, `defect${L}|defekt${L}|fehlerhaft|mangelhaft|defectuos${L}|défaut${L}|défectueu${L}|reklamation|beanstandung|reclamación|réclamation`],
  ['quality_issue', 3, `out\\s+of\\s+spec(?:ification)?|(?:does\\s+not|doesn't|do\\s+not)\\s+meet\\s+(?:the\\s+)?spec${L}|spec(?:ification)?\\s+error|failed\\s+(?:our\\s+)?(?:[\\p{L}-]+\\s+){0,3}(?:test|inspection)|qc\\s+found|inspection\\s+(?:found|failed)|deformation|contaminat${L}|wrong\\s+(?:material|board|grade|spec${L}|item|product)`],
  ['quality_issue', 3, `quarantine|segregate|do\\s+not\\s+(?:use|sell|distribute)|don't\\s+use|not\\s+to\\s+distribute|gesperrt|sperrung|bloquead[oa]|bloqué`],
  ['quality_issue', 2, `(?:on|in)\\s+hold|please\\s+hold`],
  ['quality_issue', 1, `damaged|beschädigt|dañad${L}|endommag${L}|problem|problema|problème`],
  ['quality_issue', 3, `alerte\\s+qualité|(?:mettre|placer)\\s+.{0,30}en\\s+quarantaine|suspendre\\s+(?:toute\\s+)?(?:la\\s+)?distribution|kwaliteitsprobleem|blokk${L}|niet\\s+(?:uit\\s+te\\s+leveren|te\\s+gebruiken|verkopen)|problema\\s+(?:di|de)\\s+qualità|difett${L}|non\\s+conform${L}|defeito${L}|defeituos${L}|problema\\s+de\\s+qualidade|não\\s+conform${L}`],
  ['quality_issue', 3, `no\\s+pong${L}\\s+a\\s+la\\s+venta|(?:por\\s+encima|fuera|außerhalb)\\s+(?:de\\s+(?:lo\\s+)?|der\\s+)?(?:especifica${L}|toleran${L})|hors\\s+tolérance|out\\s+of\\s+tolerance|(?:remove|pull)\\s+(?:all\\s+)?(?:\\d+\\s+units?\\s+from\\s+sale|(?:it|them|the\\s+lot)(?!\\s+in(?![\\p{L}])))|from\\s+sale|mislabel${L}|segregat${L}|not\\s+the\\s+\\S+(?:\\s+\\S+)?\\s+you\\s+ordered|manufacturing\\s+defect`],
  ['quality_issue', 3, `bad\\s+(?:batch|lot|run)|slechte\\s+(?:partij|batch)|lotto\\s+difettoso|lote\\s+defeituoso|mauvais\\s+lot|lote\\s+defectuoso`],
  ['quality_issue', 2, `break(?:s|ing)|scrap\\s+(?:the|them)|split(?:ting|s)?\\s+at|crack${L}|leak${L}|broken|kapot|quebrad${L}|incidencia|ersatzlieferung|replacement\\s+units|too\\s+high|te\\s+hoog|trop\\s+élevé|troppo\\s+alt${L}`],
  // confirmation
  ['confirmation', 3, `confirm${L}|acknowledg${L}|bestätig${L}|auftragsbestätigung|accusé\\s+de\\s+réception`],
  ['confirmation', 2, `all\\s+good\\s+for|on\\s+track|on\\s+schedule|as\\s+(?:planned|scheduled|ordered|requested)|back\\s+on\\s+(?:the\\s+)?(?:original|planned)\\s+(?:date|schedule)|as\\s+per\\s+your\\s+(?:po|order)|wie\\s+geplant|termingerecht|fristgerecht|según\\s+lo\\s+previsto|comme\\s+prévu|conformément\\s+à\\s+votre\\s+demande`],
  ['confirmation', 2, `received\\s+your\\s+(?:purchase\\s+)?order|thank\\s+you\\s+for\\s+your\\s+order|vielen\\s+dank\\s+für\\s+ihre\\s+bestellung|gracias\\s+por\\s+(?:su|vuestro)\\s+pedido|merci\\s+pour\\s+votre\\s+commande`],
  ['confirmation', 3, `(?:has|have|was|were|been)\\s+accepted|response:\\s*accepted|akzeptiert|aceptad[oa]|accepté[e]?|geaccepteerd|accettat[oa]|aceite|bevestig${L}|orderbevestiging|conferm${L}|confirmad${L}|confirmamos`],
  ['confirmation', 2, `wie\\s+gewünscht|eingeplant|zoals\\s+gepland|volgens\\s+planning|come\\s+previsto|conforme\\s+(?:previsto|planeado)|como\\s+previsto|as\\s+agreed|dank\\s+(?:u|je)\\s+voor\\s+(?:uw|je|jullie)\\s+(?:bestelling|order)|grazie\\s+per\\s+(?:il\\s+)?(?:vs\\.?\\s+|vostro\\s+)?ordine|obrigad[oa]\\s+pel[ao]\\s+(?:sua\\s+)?encomenda|danke\\s+für\\s+die\\s+bestellung`],
  ['confirmation', 2, `^(?:yes|yep|yup|ok|okay|ja|sí|si|oui|sim|sì|confirmed)(?![\\p{L}])`],
  // invoice_query
  ['invoice_query', 3, `past\\s+due|overdue|unpaid|outstanding\\s+(?:invoice|balance|amount)|remit${L}|dunning|payment\\s+reminder|zahlungserinnerung|mahnung|überfällig|recordatorio\\s+de\\s+pago|impagad${L}|impayé${L}|relance\\s+de\\s+paiement`],
  ['invoice_query', 3, `credit\\s+(?:note|memo)|gutschrift|nota\\s+de\\s+crédito|note\\s+de\\s+crédit|facture\\s+d'avoir`],
  ['invoice_query', 3, `bank\\s+(?:details|account)|iban|swift|bankverbindung|kontoverbindung|datos\\s+bancarios|cuenta\\s+bancaria|coordonnées\\s+bancaires`],
  ['invoice_query', 3, `(?:invoice|rechnung|factura|facture)\\s.{0,80}(?:rejected|missing|dispute|incorrect|wrong|abgelehnt|rechazad${L}|rejetée)|re-?submit\\s+the\\s+invoice|po\\s+number\\s+(?:needed|missing|required)`],
  ['invoice_query', 2, `payments?|zahlung|pago|paiement`],
  ['invoice_query', 1, `invoice${L}|rechnung|factura|facture`],
  ['invoice_query', 3, `creditnota|creditering|nota\\s+di\\s+credito|nota\\s+de\\s+crédito|contestazione|betalingsherinnering|sollecito\\s+di\\s+pagamento|lembrete\\s+de\\s+pagamento|fattura\\s+.{0,60}(?:contest|errat|mancant)${L}`],
  ['invoice_query', 3, `(?:your|su|sus|votre|vos|uw|jullie|vostr[ao]|seu|sua|ihre)\\s+(?:\\p{L}+\\s+){0,2}(?:vat|iva|tva|btw|ust|tax)(?:[-\\s]?(?:number|id|nummer|número|numero|idnr))?|datos\\s+fiscales|partita\\s+iva|razón\\s+social|bill-?to|billing\\s+(?:address|entity)|facturación|fatturazione|faturação|facturar|fatturare`],
  ['invoice_query', 3, `(?:duplicate|corrected|revised|wrong)\\s+invoice|invoices?\\s+(?:number|no\\.?)|accounts\\s+payable|\\bap\\s+system|issued\\s+in\\s+error|void\\s+the`],
  ['invoice_query', 2, `betaling|pagament${L}|pagamento|factuur|fattur${L}|fatura`],
  // other: autoreplies, newsletters, closure notices
  ['other', 5, `automatic\\s+reply|auto[-\\s]?reply|out\\s+of\\s+(?:the\\s+)?office|abwesenheitsnotiz|nicht\\s+im\\s+büro|automatische\\s+antwort|respuesta\\s+automática|fuera\\s+de\\s+la\\s+oficina|réponse\\s+automatique|absente?\\s+du\\s+bureau`],
  ['other', 4, `unsubscribe|view\\s+(?:this\\s+email\\s+)?in\\s+(?:your\\s+)?browser|newsletter|abmelden|darse\\s+de\\s+baja|se\\s+désabonner|désinscri${L}`],
  ['other', 4, `holiday\\s+hours|(?:will\\s+be|are|is|remain)\\s+closed|betriebsferien|betriebsurlaub|geschlossen|vacaciones|cerrad[oa]s?|fermeture|congés`],
  ['other', 2, `dear\\s+valued\\s+customers|liebe\\s+kunden|kundinnen\\s+und\\s+kunden|estimados\\s+clientes|chers\\s+clients|to\\s+all\\s+(?:our\\s+)?customers`],
  ['other', 5, `afwezigheidsbericht|automatisch\\s+antwoord|niet\\s+op\\s+kantoor|risposta\\s+automatica|fuori\\s+(?:sede|ufficio)|resposta\\s+automática|fora\\s+do\\s+escritório|ausente\\s+do\\s+escritório`],
  ['other', 4, `uitschrijven|annulla\\s+iscrizione|cancelar\\s+(?:a\\s+)?subscrição`],
  // A closure is often only the reason for a delay ("a causa della chiusura per Pasqua"): a hint.
  ['other', 2, `gesloten|chiusura|chiusi|fechad[oa]s?|férias|ferie|vakantie`],
  ['other', 3, `introduc(?:e|ing)\\s+myself|new\\s+account\\s+manager|(?:is|are)\\s+moving\\s+to|new\\s+(?:ship-?from\\s+|office\\s+|mailing\\s+)?address|vendor\\s+file|compliance\\s+update|certificat${L}|w-?9|price\\s+list\\s+attached|catalog${L}`],
  ['other', 2, `dear\\s+valued\\s+customer|geachte\\s+(?:klant|relatie)|gentile\\s+cliente|caro\\s+cliente|customer\\s+notice|no\\s+action\\s+(?:is\\s+)?(?:required|needed)`],
];

export const CATEGORY_RULES: CategoryRule[] = table.map(([category, weight, source]) => ({ category, weight, pattern: re(source) }));

/**
 * A negator just before a phrase ("not a price increase", "no delay", "keine Verzögerung",
 * "geen vertraging", "nessun ritardo", "sem atraso"): the phrase is denied, not said.
 */
export const NEGATOR_BEFORE = /(?<![\p{L}])(?:no|not(?:\s+an?)?|never|without|kein\p{L}*|nicht|pas\s+d[e']|aucun\p{L}*|sin|ningún|ninguna|geen|niet|nessun\p{L}*|senza|sem|nenhum\p{L}*|não)\s+(?:\p{L}+\s+)?$/iu;

/** Categories whose denial in one sentence counts against them in the whole email ("no change to prices"). */
export const DENIABLE: readonly EmailCategory[] = ['delay', 'price_change', 'partial_shipment'];

/** Sentence-level exceptions: where these match, that category's rules do not count. */
export const NEGATIONS: Partial<Record<EmailCategory, RegExp>> = {
  delay: re(`nothing\\s+changes|no\\s+change\\s+(?:on|to|in)\\s+(?:the\\s+)?dates?|(?:do\\s+not|don't)\\s+expect\\s+any|geen\\s+vertraging|nessun\\s+ritardo|sem\\s+atraso|no\\s+delay|not\\s+(?:be\\s+)?delayed|on\\s+time|keine\\s+verzögerung|sin\\s+retraso|pas\\s+de\\s+retard|sooner\\s+than\\s+expected|ahead\\s+of\\s+schedule|back\\s+on\\s+(?:the\\s+)?(?:original|planned)|sorry\\s+for\\s+the\\s+late\\s+(?:reply|update|response)`),
  price_change: re(`unaffected|not\\s+a\\s+price|nothing\\s+changes|blijf${L}|ongewijzigd|invariat${L}|rimane|inalterad${L}|mantém|stays?|remains?|unchanged|as\\s+quoted|no\\s+(?:price\\s+)?change|same\\s+price|bleib${L}|unverändert|se\\s+mantiene${L}|sin\\s+cambios?|reste${L}|inchangé${L}|ps\\s+price|replacement|substitute|alternative|instead`),
  cancellation: re(`unless|sauf\\s+si|salvo\\s+que|tenzij|a\\s+menos\\s+que|es\\s+sei\\s+denn|if\\s+you(?:'d|\\s+would)?\\s+(?:rather|prefer|want|wish)|would\\s+you\\s+like|wenn\\s+sie|falls\\s+sie|si\\s+(?:prefiere|prefieres|lo\\s+prefiere)|si\\s+vous\\s+(?:préférez|souhaitez)|not\\s+(?:be\\s+)?cancel${L}|no\\s+cancel${L}`),
  confirmation: re(`necesit${L}|we\\s+need|que\\s+nos\\s+confirmen|graag\\s+bevestig${L}|kunt\\s+u|vi\\s+preghiamo|potete|pode(?:m|ria)?|por\\s+favor|please|kindly|bitte|por\\s+favor|merci\\s+de|veuillez|can\\s+you|could\\s+you|confirmadnos|confirmez|bestätigen\\s+sie|once|sobald|una\\s+vez|dès\\s+que|can ?not|can't|won't|unable|no\\s+podremos|ne\\s+pourrons|nicht|shipping\\s+confirmation|will\\s+receive`),
};
