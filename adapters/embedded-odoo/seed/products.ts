/**
 * The catalogue of a broadline distributor: product categories and a few hundred products
 * (product.template + product.product), each with an internal reference and a purchase cost.
 */
import type { ProductInfo, SeedContext } from './seed-context.ts';
import { pushId, pushIfStored, rowOf, stamp, tryRef } from './seed-context.ts';

interface CategorySpec {
  key: string;
  name: string;
  prefix: string;
  /** [item name, min cost, max cost] */
  items: ReadonlyArray<readonly [string, number, number]>;
  variants: readonly string[];
}

export const CATEGORIES: readonly CategorySpec[] = [
  { key: 'janitorial', name: 'Janitorial', prefix: 'JAN', variants: ['Blue', 'Green', 'Red', 'Yellow', 'White'],
    items: [['Looped Mop Head 24oz', 3.2, 5.4], ['Microfiber Flat Mop Pad 18in', 1.6, 3.1], ['Wet Floor Sign', 9, 16], ['Mop Bucket 35qt with Wringer', 48, 89], ['Trash Can Liner 40-45gal (250/cs)', 24, 41], ['Angle Broom', 6.5, 12], ['Lobby Dust Pan', 8, 15], ['Toilet Bowl Brush', 1.9, 3.8], ['Spray Bottle 32oz', 0.8, 1.6], ['Scrub Sponge (20/pk)', 7, 13]] },
  { key: 'paper', name: 'Paper Products', prefix: 'PAP', variants: ['White', 'Natural', 'Premium', 'Economy'],
    items: [['Multifold Towel 16/250', 17, 26], ['Jumbo Roll Tissue 2-Ply 12/1000ft', 28, 39], ['Hardwound Roll Towel 6/800ft', 22, 33], ['Bath Tissue 2-Ply 96 rolls', 44, 60], ['Copy Paper A4 80g (5 reams)', 19, 27], ['Dinner Napkin 1/8 Fold (3000/cs)', 31, 45], ['Facial Tissue 30/100', 26, 38]] },
  { key: 'packaging', name: 'Packaging', prefix: 'PKG', variants: ['12x12x12', '18x12x12', '24x18x18', '16x16x16', '20x20x20', '10x8x6'],
    items: [['RSC Corrugated Box 44 ECT', 0.7, 2.4], ['Stretch Film 18in 80ga', 18, 29], ['Packing Tape 2in Clear (36 rolls)', 38, 56], ['Pallet Wrap Hand Roll', 14, 22], ['Void Fill Paper Roll', 44, 69], ['PET Bottle 1L', 0.07, 0.12], ['Deli Container Lid', 0.04, 0.09], ['Poly Mailer Bag', 0.12, 0.31]] },
  { key: 'disposables', name: 'Foodservice Disposables', prefix: 'FSD', variants: ['8oz', '12oz', '16oz', '20oz', '32oz'],
    items: [['Compostable Hot Cup (1000/cs)', 62, 98], ['PET Cold Cup (1000/cs)', 48, 77], ['Foam Clamshell (200/cs)', 21, 34], ['Kraft Takeout Box (200/cs)', 38, 59], ['Wooden Cutlery Kit (500/cs)', 29, 45], ['Paper Straw Wrapped (3000/cs)', 33, 52]] },
  { key: 'safety', name: 'Safety & PPE', prefix: 'SAF', variants: ['S', 'M', 'L', 'XL', '2XL'],
    items: [['Nitrile Exam Gloves Blue (10x100/ctn)', 31, 46], ['Hi-Vis Vest Class 2', 3.8, 7.9], ['Safety Glasses Clear', 1.4, 3.2], ['Cut-Resistant Glove A4', 4.5, 9.5], ['Ear Plugs Corded (100/bx)', 18, 29], ['Hard Hat Type I', 9, 17], ['Disposable Coverall', 3.1, 6.2]] },
  { key: 'electrical', name: 'Electrical & Lighting', prefix: 'ELE', variants: ['3000K', '4000K', '5000K'],
    items: [['LED Flat Panel 2x4 40W', 31, 46], ['LED UFO High Bay 150W', 72, 118], ['LED Wall Pack 60W', 41, 69], ['LED Tube T8 4ft 15W', 2.6, 5.1], ['Extension Cord 50ft 12/3', 36, 58], ['Wire Nut Assortment', 9, 16], ['Emergency Exit Sign LED', 19, 34]] },
  { key: 'fasteners', name: 'Fasteners', prefix: 'FAS', variants: ['M6', 'M8', 'M10', 'M12', '1/4in', '3/8in'],
    items: [['Hex Bolt DIN 933 8.8 Zinc (per 1000)', 28, 72], ['Hex Nut DIN 934 Zinc (per 1000)', 9, 21], ['Flat Washer DIN 125 (per 1000)', 4, 11], ['Self-Drilling Screw (per 1000)', 12, 27], ['Concrete Anchor Wedge (50/bx)', 18, 36], ['Threaded Rod 3ft', 2.2, 5.8]] },
  { key: 'mro', name: 'Industrial MRO', prefix: 'MRO', variants: ['40 grit', '60 grit', '80 grit', '120 grit', 'Standard', 'Heavy Duty'],
    items: [['Flap Disc 4-1/2in T29', 3.6, 6.2], ['Cutoff Wheel 4-1/2in', 1.3, 2.6], ['Mechanical Seal 1.5in', 68, 140], ['Hydraulic Hose Assembly 1/2in x 36in', 24, 47], ['Argon Cylinder Refill 330cf', 52, 88], ['Welding Wire ER70S-6 33lb', 58, 92], ['Bearing 6205-2RS', 3.4, 7.5]] },
  { key: 'chemicals', name: 'Chemicals', prefix: 'CHM', variants: ['4x1gal', '12x32oz', '5gal pail', '55gal drum'],
    items: [['Neutral Floor Cleaner', 27, 45], ['Glass Cleaner RTU', 21, 36], ['Quat Disinfectant', 39, 64], ['Degreaser Heavy Duty', 33, 58], ['Hand Soap Foaming', 29, 48], ['Dishwash Detergent', 36, 61]] },
  { key: 'kitchen', name: 'Kitchen & Smallwares', prefix: 'KIT', variants: ['Small', 'Medium', 'Large', 'Half Size', 'Full Size'],
    items: [['Stainless Work Table', 380, 640], ['Chef Knife 10in', 14, 31], ['Steam Table Pan', 6, 14], ['Cutting Board HDPE', 8, 19], ['Bar Towel (dozen)', 9, 16], ['Chef Apron', 4.2, 8.8], ['Sheet Pan Aluminum', 5.5, 11]] },
  { key: 'food', name: 'Food & Ingredients', prefix: 'FOD', variants: ['25lb', '50lb', '4x10lb', '6x1gal', 'Bulk'],
    items: [['All-Purpose Flour', 11, 19], ['Bread Flour', 13, 22], ['High-Oleic Sunflower Oil', 24, 41], ['IQF Chicken Breast', 58, 96], ['Breaded Chicken Tenders', 49, 84], ['Long Grain Rice', 16, 27], ['Crushed Tomatoes', 19, 31]] },
  { key: 'beverages', name: 'Beverages', prefix: 'BEV', variants: ['Regular', 'Decaf', 'Dark Roast', 'Winter Blend'],
    items: [['Coffee Whole Bean 5lb', 38, 61], ['Coffee Fraction Pack 2.5oz (42/cs)', 36, 55], ['Hot Chocolate Mix (12x2lb)', 42, 66], ['Tea Bags (6x100)', 19, 31]] },
  { key: 'storage', name: 'Storage & Material Handling', prefix: 'STO', variants: ['42in', '48in', '96in', '120in', '144in'],
    items: [['Pallet Rack Upright', 118, 210], ['Pallet Rack Beam', 41, 79], ['Wire Deck', 22, 39], ['Steel Shelving Unit', 96, 175], ['Plastic Pallet', 38, 66], ['Hand Pallet Truck', 290, 460]] },
];

/** Products the supplier emails talk about, with the codes they quote (so lines match the emails). */
export const NAMED_PRODUCTS: ReadonlyArray<{ code: string; name: string; category: string; cost: number }> = [
  { code: 'AJ-MH24', name: 'Mop Head 24oz Blue Looped', category: 'janitorial', cost: 4.35 },
  { code: 'AJ-TT96', name: 'Bath Tissue 2-Ply 96 rolls', category: 'paper', cost: 52.47 },
  { code: 'AJ-HW8', name: 'Hardwound Towel Natural 6/800ft', category: 'paper', cost: 43.9 },
  { code: 'RP-RSC181212', name: 'RSC Box 18x12x12 44 ECT', category: 'packaging', cost: 1.18 },
  { code: 'AT-1860', name: 'Edelstahl-Arbeitstisch AT-1860 1800x600', category: 'kitchen', cost: 570.19 },
  { code: 'GS-CW45', name: 'Cutoff Wheel 4-1/2in x .045 T1', category: 'mro', cost: 1.95 },
  { code: 'GS-FD45-60', name: 'Flap Disc 4-1/2in x 7/8in 60 grit T29', category: 'mro', cost: 4.85 },
  { code: 'GS-FD45-80', name: 'Flap Disc 4-1/2in x 7/8in 80 grit T29', category: 'mro', cost: 4.85 },
  { code: 'QG-N400-M', name: 'Nitrile Exam Gloves QG-N400 Blue M (10x100/ctn)', category: 'safety', cost: 38 },
  { code: 'QG-N400-L', name: 'Nitrile Exam Gloves QG-N400 Blue L (10x100/ctn)', category: 'safety', cost: 38 },
  { code: '933-M10x40-88', name: 'Sechskantschraube DIN 933 M10x40 8.8 vz', category: 'fasteners', cost: 0.0482 },
  { code: '934-M10-8-vz', name: 'Sechskantmutter DIN 934 M10 Kl.8 vz', category: 'fasteners', cost: 0.0129 },
  { code: 'SV-40210', name: 'IQF Chicken Breast 4x10lb', category: 'food', cost: 78.5 },
  { code: 'CC-110', name: 'Neutral Floor Cleaner 4x1gal', category: 'chemicals', cost: 38.5 },
  { code: 'CC-240', name: 'Glass Cleaner RTU 12x32oz', category: 'chemicals', cost: 29.75 },
  { code: 'CC-315', name: 'Quat Disinfectant 4x1gal', category: 'chemicals', cost: 52 },
  { code: 'SP-MF410', name: 'Multifold Towel White 16/250', category: 'paper', cost: 21.4 },
  { code: 'SP-RT1000', name: "Jumbo Roll Tissue 2-Ply 12/1000'", category: 'paper', cost: 33.95 },
  { code: 'SP-KR800', name: "Hardwound Roll Kraft 6/800'", category: 'paper', cost: 27.1 },
  { code: 'MS-HV200', name: 'Hi-Vis Vest Class 2 Orange MS-HV200', category: 'safety', cost: 4.1 },
  { code: 'PM-AP50', name: 'All-Purpose Flour 50lb (pallet of 40)', category: 'food', cost: 520 },
  { code: 'PM-BF50', name: 'Bread Flour 50lb (pallet of 40)', category: 'food', cost: 610 },
  { code: 'PR-A480', name: 'Copy Paper A4 80g (box of 5 reams)', category: 'paper', cost: 21.6 },
  { code: 'BL-FP24-40W-4K', name: 'LED Flat Panel 2x4 40W 4000K', category: 'electrical', cost: 38 },
  { code: 'BL-HB150-5K', name: 'LED UFO High Bay 150W 5000K', category: 'electrical', cost: 96 },
  { code: 'BL-WP60', name: 'LED Wall Pack 60W', category: 'electrical', cost: 54 },
  { code: 'FE-PET1000', name: 'Botella PET 1 L', category: 'packaging', cost: 0.082 },
];

function categoryRows(ctx: SeedContext): Map<string, number> {
  const parent = tryRef(ctx.store, 'product.product_category_all') ?? false;
  const ids = new Map<string, number>();
  for (const c of CATEGORIES) {
    ids.set(
      c.key,
      ctx.store.insert('product.category', {
        name: c.name,
        complete_name: parent === false ? c.name : `All / ${c.name}`,
        parent_id: parent,
        child_id: [],
        ...stamp(ctx.adminUid, ctx.nowStr),
      }),
    );
  }
  if (parent !== false) {
    const row = rowOf(ctx.store, 'product.category', parent);
    for (const id of ids.values()) pushIfStored(row, 'child_id', id);
  }
  return ids;
}

function insertProduct(ctx: SeedContext, categId: number, category: string, code: string, name: string, cost: number): ProductInfo {
  const { store } = ctx;
  const stamped = stamp(ctx.adminUid, ctx.nowStr);
  const shared = {
    name,
    categ_id: categId,
    default_code: code,
    uom_id: ctx.uomUnitId,
    uom_po_id: ctx.uomUnitId,
    purchase_ok: true,
    sale_ok: true,
    type: 'consu',
    is_storable: true,
    purchase_method: 'receive',
    list_price: Math.round(cost * 1.35 * 100) / 100,
    standard_price: cost,
    active: true,
    company_id: false,
    tracking: 'none',
  };
  const tmplId = store.insert('product.template', { product_variant_ids: [], seller_ids: [], ...shared, ...stamped });
  // product.product inherits these fields from its template in Odoo; they are copied on the variant
  // row as well so that a reader of product.product finds them without following product_tmpl_id.
  const id = store.insert('product.product', { product_tmpl_id: tmplId, barcode: false, ...shared, ...stamped });
  pushId(rowOf(store, 'product.template', tmplId), 'product_variant_ids', id);
  return { id, tmplId, code, name, displayName: `[${code}] ${name}`, category, categId, standardPrice: cost, uomId: ctx.uomUnitId };
}

/** Creates `count` generated products plus the named ones; indexes them by category. */
export function seedProducts(ctx: SeedContext, count: number): ProductInfo[] {
  const categIds = categoryRows(ctx);
  const products: ProductInfo[] = [];
  const byCategory = new Map<string, ProductInfo[]>();
  const add = (p: ProductInfo) => {
    products.push(p);
    const list = byCategory.get(p.category);
    if (list) list.push(p);
    else byCategory.set(p.category, [p]);
  };
  for (const p of NAMED_PRODUCTS) add(insertProduct(ctx, categIds.get(p.category) ?? 0, p.category, p.code, p.name, p.cost));
  const rng = ctx.rng.fork('products');
  for (let i = 0; i < count; i++) {
    const cat = CATEGORIES[i % CATEGORIES.length];
    if (!cat) continue;
    const n = Math.floor(i / CATEGORIES.length);
    const item = cat.items[n % cat.items.length];
    if (!item) continue;
    const round = Math.floor(n / cat.items.length);
    const variant = cat.variants[round % cat.variants.length] ?? '';
    const series = Math.floor(round / cat.variants.length);
    const name = `${item[0]}, ${variant}${series > 0 ? ` (series ${series + 1})` : ''}`;
    const code = `${cat.prefix}-${String(1000 + n).padStart(4, '0')}`;
    const digits = item[2] < 1 ? 4 : 2;
    add(insertProduct(ctx, categIds.get(cat.key) ?? 0, cat.key, code, name, rng.amount(item[1], item[2], digits)));
  }
  ctx.productsByCategory = byCategory;
  return products;
}
