import { describe, expect, it } from 'vitest';
import { cleanEmail } from '../../src/triage/clean-email.ts';
import { findDates } from '../../src/triage/dates/find-dates.ts';
import type { Language } from '../../src/triage/heuristic/detect-language.ts';
import { detectLanguage } from '../../src/triage/heuristic/detect-language.ts';
import { readEmailHeuristically } from '../../src/triage/heuristic/heuristic-reader.ts';

const read = (subject: string, text: string, receivedAt: string, datePlanned: string | null = null) =>
  readEmailHeuristically({ from: 'v@x.example', subject, text, receivedAt: new Date(receivedAt) }, { poRef: 'P01000', datePlanned, now: new Date(receivedAt) });
const days = (text: string, receivedDay: string, language: Language) => findDates(text, { receivedDay, language, slashOrder: language === 'en' ? 'month_first' : 'day_first' }).map((m) => m.day);

describe('newest-message extraction: reply and forward headers in every language', () => {
  const cases: Array<[string, string]> = [
    ['en', 'On Mon, Mar 1, 2027 at 9:00 AM Megan Holt <m@n.example> wrote:'],
    ['en', '-----Original Message-----'],
    ['de', 'Am 01.03.2027 um 09:00 schrieb Megan Holt <m@n.example>:'],
    ['de', 'Von: Megan Holt\nGesendet: Montag, 1. März 2027 09:00\nAn: Verkauf\nBetreff: Bestellung'],
    ['fr', 'Le lun. 1 mars 2027 à 09:00, Megan Holt <m@n.example> a écrit :'],
    ['fr', 'De : Megan Holt\nEnvoyé : lundi 1 mars 2027 09:00\nÀ : Ventes\nObjet : Commande'],
    ['es', 'El lun, 1 mar 2027 a las 9:00, Megan Holt (<m@n.example>) escribió:'],
    ['nl', 'Op ma 1 mrt 2027 om 09:00 schreef Megan Holt <m@n.example>:'],
    ['nl', 'Van: Megan Holt\nVerzonden: maandag 1 maart 2027 09:00\nAan: Verkoop\nOnderwerp: Bestelling'],
    ['it', 'Il giorno lun 1 mar 2027 alle ore 09:00 Megan Holt <m@n.example> ha scritto:'],
    ['it', 'Da: Megan Holt\nInviato: lunedì 1 marzo 2027 09:00\nA: Vendite\nOggetto: Ordine'],
    ['pt', 'Em seg., 1 de mar. de 2027 às 09:00, Megan Holt <m@n.example> escreveu:'],
    ['pt', '-----Mensagem original-----\nDe: Megan Holt\nAssunto: Encomenda'],
  ];
  for (const [lang, header] of cases) {
    it(`${lang}: ${header.split('\n')[0]}`, () => {
      const cleaned = cleanEmail({ subject: 'Re: P01000', text: `The new date holds.\n\n${header}\n\nCan you confirm P01000 for the 4th? Ignore the old one.` });
      expect(cleaned.text).toBe('The new date holds.');
    });
  }

  it('a forward with a few words of its own is read through to the forwarded message (Dutch banner)', () => {
    const cleaned = cleanEmail({ subject: 'Fwd: levering', text: 'Ter info.\n\n---------- Doorgestuurd bericht ---------\nVan: Planning\nOnderwerp: levering\n\nDe levering is vertraagd tot vrijdag 2 april.' });
    expect(cleaned.forwardedText).toBe('De levering is vertraagd tot vrijdag 2 april.');
  });
});

describe('dates in every language, resolved against the received day', () => {
  const cases: Array<[Language, string, string, string]> = [
    ['en', 'ships two weeks from today', '2027-01-26', '2027-02-09'],
    ['en', 'the rest follows w/c 22nd February', '2027-02-12', '2027-02-22'],
    ['de', 'Anlieferung am Dienstag, den 09.03.2027', '2027-02-24', '2027-03-09'],
    ['fr', 'le reliquat sera livré le 12/03', '2027-03-05', '2027-03-12'],
    ['es', 'los tendréis el lunes 22 de marzo', '2027-03-09', '2027-03-22'],
    ['nl', 'Leverdatum: woensdag 24-03-2027', '2027-03-17', '2027-03-24'],
    ['nl', 'de overige dozen volgen op vrijdag 2 april', '2027-03-25', '2027-04-02'],
    ['it', 'giovedì 22/04 consegneremo 500 pezzi', '2027-04-20', '2027-04-22'],
    ['pt', 'serão entregues a 28/04/2027', '2027-04-16', '2027-04-28'],
    ['pt', 'a entrega até ao final do mês', '2027-03-15', '2027-03-31'],
    ['it', 'consegna entro fine mese', '2027-03-15', '2027-03-31'],
    ['de', 'die Lieferung kommt morgen', '2027-03-15', '2027-03-16'],
    ['it', 'arriva domani', '2027-03-15', '2027-03-16'],
    ['pt', 'chega amanhã', '2027-03-15', '2027-03-16'],
  ];
  for (const [lang, text, received, day] of cases) {
    it(`${lang}: "${text}" on ${received} -> ${day}`, () => expect(days(text, received, lang)).toContain(day));
  }

  const weeks: Array<[Language, string, string]> = [
    ['de', 'Lieferung in KW 6', '2027-02-08'],
    ['en', 'delivery in week 5', '2027-02-01'],
    ['fr', 'livraison semaine 6', '2027-02-08'],
    ['es', 'entrega la semana 7', '2027-02-15'],
    ['pt', 'entrega na semana 7', '2027-02-15'],
    ['nl', 'levering in week 5', '2027-02-01'],
    ['it', 'consegna nella settimana 8', '2027-02-22'],
  ];
  for (const [lang, text, monday] of weeks) {
    it(`${lang}: "${text}" is the Monday ${monday}`, () => expect(days(text, '2027-01-20', lang)).toContain(monday));
  }

  it('a fraction in a product size is not a date', () => {
    expect(days('Wedge Anchor 3/8 x 3-3/4 ZP', '2027-02-15', 'en')).toEqual([]);
  });
});

describe('language detection', () => {
  const cases: Array<[Language, string]> = [
    ['de', 'Wir bestätigen Ihnen die Lieferung für die Bestellung, bitte prüfen Sie das.'],
    ['fr', 'Nous vous confirmons la livraison de votre commande pour le lundi.'],
    ['es', 'Le confirmamos que el pedido sale por la mañana con los palés.'],
    ['nl', 'Wij bevestigen de levering van uw order, graag tot ziens bij ons.'],
    ['it', 'Vi comunichiamo che il vostro ordine è in consegna, non ci sono problemi per questo.'],
    ['pt', 'Informamos que a sua encomenda não segue hoje, mas com o próximo camião.'],
    ['en', 'We confirm the delivery of your order for Monday.'],
  ];
  for (const [lang, text] of cases) it(`${lang}`, () => expect(detectLanguage(text)).toBe(lang));
});

describe('negation and topic dominance', () => {
  it('"no delay expected" is not a delay', () => {
    const r = read('Move notice', 'We are moving our warehouse next month. We do not expect any interruption to shipments and no delay is expected on open orders.', '2027-04-22T10:00:00Z', '2027-05-10');
    expect(r.category).not.toBe('delay');
    expect(r.new_eta).toBeNull();
  });

  it('an unchanged surcharge is not a price change, in English and in every other language', () => {
    const texts = [
      ['Fuel surcharge review - NO CHANGE', 'Our quarterly surcharge review is complete. The fuel surcharge will remain unchanged at 4.0%. This is not a price increase.'],
      ['Preise', 'Unsere Preise bleiben unverändert. Es gibt keine Preiserhöhung.'],
      ['Prix', 'Nos tarifs restent inchangés : pas de hausse de prix cette année.'],
      ['Precios', 'Nuestros precios se mantienen sin cambios; no hay subida de precios.'],
      ['Prijzen', 'Onze prijzen blijven ongewijzigd, geen prijsverhoging dit jaar.'],
      ['Prezzi', 'I nostri prezzi rimangono invariati, nessun aumento di prezzo.'],
      ['Preços', 'Os nossos preços mantêm-se inalterados, sem aumento de preço.'],
    ];
    for (const [subject, text] of texts) {
      const r = read(subject!, text!, '2027-03-31T14:00:00Z');
      expect(r.category, text).not.toBe('price_change');
      expect(r.price_change_pct, text).toBeNull();
    }
  });

  it('a price change given only as old and new unit prices is computed (decimal comma)', () => {
    const r = read('Ihre Bestellung – Preis Pos. 2', 'Bei Pos. 2 hat sich unser Einkaufspreis geändert. Statt 2,35 € pro 100 Stück müssen wir Ihnen jetzt 2,49 € berechnen.', '2027-01-13T10:00:00Z', '2027-01-27');
    expect(r.category).toBe('price_change');
    expect(r.price_change_pct).toBe(6);
  });

  it('an unsure reading says so: below the confident threshold', () => {
    const r = read('Hello', 'Just checking in about next quarter.', '2027-03-31T14:00:00Z');
    expect(r.category).toBe('other');
    expect(r.confidence).toBeLessThan(0.7);
  });
});
