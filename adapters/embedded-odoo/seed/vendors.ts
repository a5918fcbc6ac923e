/**
 * Vendors (res.partner companies with supplier_rank > 0): every vendor of the supplier emails, on
 * the domain its emails come from, plus generated ones so a large dataset has dozens to hundreds.
 */
import { domainFor, US_CITIES, VENDOR_PREFIXES, VENDOR_SUFFIXES } from './names.ts';
import type { CompanyKey, SeedContext, VendorInfo } from './seed-context.ts';
import { stamp } from './seed-context.ts';
import type { SupplierEmail } from './supplier-email-data.ts';
import { parseFrom } from './supplier-email-data.ts';

interface EmailVendorSpec {
  name: string;
  company: CompanyKey;
  categories: string[];
  city: string;
  /** The vendor's own domain when an email comes from elsewhere (a lookalike fraud domain). */
  domain?: string;
}

/** Company: European vendors supply Northgate Supply Europe (EUR), the others the US company. */
export const EMAIL_VENDORS: readonly EmailVendorSpec[] = [
  { name: 'Apex Janitorial Supply Inc.', company: 'us', categories: ['janitorial', 'paper'], city: 'Aurora' },
  { name: 'Ridgeline Packaging LLC', company: 'us', categories: ['packaging'], city: 'Macon' },
  { name: 'Hartmann Edelstahl GmbH', company: 'eu', categories: ['kitchen'], city: 'Solingen' },
  { name: 'Granite State Abrasives', company: 'us', categories: ['mro'], city: 'Manchester' },
  { name: 'Quanta Gloves Sdn Bhd', company: 'us', categories: ['safety'], city: 'Klang' },
  { name: 'Kessler Industrial Fasteners GmbH', company: 'eu', categories: ['fasteners'], city: 'Heilbronn' },
  { name: 'Sunvale Foods Distribution', company: 'us', categories: ['food'], city: 'Gainesville' },
  { name: 'Oakmont Cutlery Co.', company: 'us', categories: ['kitchen'], city: 'Pittsburgh' },
  { name: 'Pacific Rim Disposables Co.', company: 'eu', categories: ['disposables'], city: 'Kaohsiung' },
  { name: 'Thornbury Chemicals plc', company: 'eu', categories: ['chemicals'], city: 'Runcorn' },
  { name: 'Cascade Cleaning Chemicals', company: 'us', categories: ['chemicals'], city: 'Tacoma' },
  { name: 'Coastal Coffee Roasters', company: 'us', categories: ['beverages'], city: 'Savannah' },
  { name: 'Weber & Söhne Arbeitsschutz GmbH', company: 'eu', categories: ['safety'], city: 'Bielefeld' },
  { name: 'Summit Paper Products', company: 'us', categories: ['paper'], city: 'Green Bay' },
  { name: 'Keller Hygiene GmbH', company: 'eu', categories: ['janitorial'], city: 'Ulm', domain: 'keller-hygiene.example' },
  { name: 'Distribuciones Hermanos Lozano S.L.', company: 'eu', categories: ['food'], city: 'Córdoba' },
  { name: 'Marlow Safety Products Ltd', company: 'eu', categories: ['safety'], city: 'Marlow' },
  { name: 'Prairie Mills Flour Co.', company: 'us', categories: ['food'], city: 'Salina' },
  { name: 'Vortex Pumps & Seals Inc.', company: 'us', categories: ['mro'], city: 'Tulsa' },
  { name: 'Tecnoplast Ibérica S.A.', company: 'eu', categories: ['packaging'], city: 'Sabadell' },
  { name: 'Bayside Restaurant Supply', company: 'us', categories: ['kitchen', 'disposables'], city: 'Oakland' },
  { name: 'Papeteries du Rhône SAS', company: 'eu', categories: ['paper'], city: 'Lyon' },
  { name: 'Ironclad Storage Systems', company: 'us', categories: ['storage'], city: 'Fort Wayne' },
  { name: 'Redwood Kitchen Textiles', company: 'us', categories: ['kitchen'], city: 'Eureka' },
  { name: 'Brightline LED Supply', company: 'us', categories: ['electrical'], city: 'Ontario' },
  { name: 'Midwest Poly Bags', company: 'us', categories: ['janitorial', 'packaging'], city: 'Elkhart' },
  { name: 'Lumière Hygiène SARL', company: 'eu', categories: ['janitorial'], city: 'Villeurbanne' },
  { name: 'Evergreen Compostables', company: 'us', categories: ['disposables'], city: 'Eugene' },
  { name: 'Ferrer Envases S.A.', company: 'eu', categories: ['packaging'], city: 'Valencia' },
  { name: 'Sommer Gastro-Bedarf GmbH', company: 'eu', categories: ['kitchen'], city: 'Duisburg' },
  { name: 'Delta Welding Supply', company: 'us', categories: ['mro'], city: 'Gary' },
  { name: 'Trident Hydraulics LLC', company: 'us', categories: ['mro'], city: 'Rockford' },
];

const GENERATED_CATEGORIES = [
  ['janitorial'], ['paper'], ['packaging'], ['disposables'], ['safety'], ['electrical'], ['fasteners'],
  ['mro'], ['chemicals'], ['kitchen'], ['food'], ['beverages'], ['storage'], ['janitorial', 'chemicals'],
  ['packaging', 'disposables'], ['safety', 'mro'],
] as const;

function insertVendor(ctx: SeedContext, name: string, email: string, city: string, zip: string | false): number {
  return ctx.store.insert('res.partner', {
    name, complete_name: name, is_company: true, type: 'contact', parent_id: false, email,
    email_normalized: email.toLowerCase(), city, zip, website: `https://www.${email.slice(email.indexOf('@') + 1)}`,
    company_id: false, active: true, supplier_rank: 1, customer_rank: 0, lang: 'en_US',
    child_ids: [], user_ids: [], purchase_warn: 'no-message', receipt_reminder_email: false,
    reminder_date_before_receipt: 1, ...stamp(ctx.adminUid, ctx.nowStr),
  });
}

function refPrefixFor(i: number): string {
  return ['INV-', 'INV', 'RE-2026-', 'F', 'SI-', '', 'FAC-'][i % 7] ?? 'INV-';
}

export function seedVendors(ctx: SeedContext, emails: readonly SupplierEmail[], generatedCount: number): VendorInfo[] {
  const vendors: VendorInfo[] = [];
  const byName = new Map<string, VendorInfo>();
  const rng = ctx.rng.fork('vendors');
  EMAIL_VENDORS.forEach((spec, i) => {
    const senders = emails.filter((e) => e.vendor === spec.name).map((e) => parseFrom(e.from));
    const domain = spec.domain ?? senders[0]?.domain ?? domainFor(spec.name);
    // The vendor's address book email is its first sender on its own domain (never the fraud domain).
    const email = senders.find((s) => s.domain === domain)?.address ?? `info@${domain}`;
    const id = insertVendor(ctx, spec.name, email, spec.city, false);
    const v: VendorInfo = {
      id, name: spec.name, email, domain, company: spec.company, categories: spec.categories,
      leadDays: rng.int(spec.company === 'eu' ? 10 : 5, spec.company === 'eu' ? 35 : 21),
      refPrefix: refPrefixFor(i), nextRef: rng.int(10_000, 60_000), poCount: 0,
    };
    vendors.push(v);
    byName.set(v.name, v);
  });
  const used = new Set(vendors.map((v) => v.name));
  for (let i = 0; vendors.length < EMAIL_VENDORS.length + generatedCount; i++) {
    const prefix = VENDOR_PREFIXES[i % VENDOR_PREFIXES.length] ?? 'Allied';
    const cats = GENERATED_CATEGORIES[Math.floor(i / VENDOR_PREFIXES.length + i) % GENERATED_CATEGORIES.length] ?? ['janitorial'];
    const noun = cats[0] === 'food' ? 'Foods' : cats[0] === 'mro' ? 'Industrial' : (cats[0] ?? 'supply').replace(/^./, (c) => c.toUpperCase());
    const suffix = VENDOR_SUFFIXES[Math.floor(i / VENDOR_PREFIXES.length) % VENDOR_SUFFIXES.length] ?? 'Inc.';
    const round = Math.floor(i / (VENDOR_PREFIXES.length * VENDOR_SUFFIXES.length));
    const name = `${prefix} ${noun}${round > 0 ? ` ${round + 1}` : ''} ${suffix}`;
    if (used.has(name)) continue;
    used.add(name);
    const domain = domainFor(name);
    const [city, , zip] = US_CITIES[i % US_CITIES.length] ?? ['Chicago', 'IL', '60607'];
    const email = `orders@${domain}`;
    const id = insertVendor(ctx, name, email, city, zip);
    const v: VendorInfo = {
      id, name, email, domain, company: 'us', categories: [...cats], leadDays: rng.int(4, 21),
      refPrefix: refPrefixFor(i + 3), nextRef: rng.int(1000, 90_000), poCount: 0,
    };
    // About one generated vendor in six is European, so the EU company has more than its email vendors.
    if (i % 6 === 5) v.company = 'eu';
    vendors.push(v);
    byName.set(name, v);
  }
  ctx.vendorByName = byName;
  return vendors;
}
