import { SUMMARY_MAX_CHARS, type EmailCategory, type Quantities } from '../email-reading.ts';

export interface SummaryFacts {
  category: EmailCategory;
  poRef: string | null;
  datePlanned: string | null;
  newEta: string | null;
  confirmedDate: string | null;
  quantities: Quantities | null;
  priceChangePct: number | null;
  otherKind: string | null;
  injectionSuspected: boolean;
}

/** A short, template-made summary of a reading (at most 280 characters). */
export function summarizeReading(f: SummaryFacts): string {
  const po = f.poRef ? ` on ${f.poRef}` : '';
  const planned = f.datePlanned ? ` (planned ${f.datePlanned})` : '';
  let text: string;
  switch (f.category) {
    case 'delay':
      text = f.newEta ? `Delay${po}: new ETA ${f.newEta}${planned}.` : `Delay${po}: the planned date${planned} will be missed; no new date given yet.`;
      break;
    case 'partial_shipment': {
      const q = f.quantities;
      const split = q ? [q.shipped !== undefined ? `${q.shipped} shipping` : '', q.backordered ? `${q.backordered} backordered` : '', q.cancelled ? `${q.cancelled} cancelled` : ''].filter(Boolean).join(', ') : '';
      const dates = [f.confirmedDate ? `first part ${f.confirmedDate}` : '', f.newEta ? `rest expected ${f.newEta}` : q?.backordered ? 'no date for the rest' : ''].filter(Boolean).join('; ');
      text = `Partial shipment${po}${split ? `: ${split}` : ''}${dates ? `; ${dates}` : ''}.`;
      break;
    }
    case 'price_change':
      text = f.priceChangePct !== null ? `Price change${po}: ${f.priceChangePct > 0 ? '+' : ''}${f.priceChangePct}%; needs the buyer's decision.` : `Price change${po} (a fixed amount or surcharge, no percentage given); needs the buyer's decision.`;
      if (f.confirmedDate) text += ` Delivery date ${f.confirmedDate} confirmed.`;
      break;
    case 'cancellation':
      text = `The vendor cancels${f.poRef ? ` ${f.poRef}` : ' the order'} (or lines of it); find another source.`;
      break;
    case 'quality_issue':
      text = `Quality issue reported${po}; check the goods and the vendor's requested action.`;
      break;
    case 'confirmation':
      text = f.confirmedDate ? `The vendor confirms${f.poRef ? ` ${f.poRef}` : ' the order'} for delivery on ${f.confirmedDate}.` : `The vendor confirms receipt of${f.poRef ? ` ${f.poRef}` : ' the order'}; no delivery date given.`;
      break;
    case 'invoice_query':
      text = `Invoice or payment matter${po}; route to finance.`;
      break;
    default:
      text = `No purchasing action${po}${f.otherKind ? `: ${f.otherKind}` : ''}.`;
  }
  if (f.injectionSuspected) text += ' Warning: the email contains instructions aimed at the bot; they were ignored.';
  return text.length <= SUMMARY_MAX_CHARS ? text : `${text.slice(0, SUMMARY_MAX_CHARS - 1)}…`;
}
