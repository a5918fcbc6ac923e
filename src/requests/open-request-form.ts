/**
 * What the request form offers a person when it opens: the warehouses they may order for, the
 * units, and what their words already said (the best product match for "gloves", ATL, Friday).
 * Nothing is written: the form is only a prefill until they submit it.
 */
import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import { allowedWarehouses } from './check-request.ts';
import { parseRequestWords } from './parse-request-words.ts';
import type { Named } from './purchase-request.ts';
import { listUnits, readWarehouses, searchProducts } from './request-odoo.ts';
import type { RequestDeps } from './request-deps.ts';

export interface RequestFormData {
  warehouses: Array<Named & { code: string }>;
  units: Named[];
  prefill: {
    product: { id: number; label: string } | null;
    quantity: string | null;
    warehouseId: number | null;
    neededBy: string | null;
    /** The words themselves, kept as the reason's start. */
    reason: string | null;
  };
}

export type OpenFormOutcome = { ok: true; data: RequestFormData } | { ok: false; message: string };

export async function openRequestForm(chat: ChatUserRef, words: string, deps: Pick<RequestDeps, 'identify' | 'odoo' | 'settings' | 'calendar' | 'now'>): Promise<OpenFormOutcome> {
  const who = await deps.identify(chat);
  if (!who.ok) return { ok: false, message: who.message };
  const [all, units] = await Promise.all([readWarehouses(deps.odoo, who.viewer.odoo.companyIds), listUnits(deps.odoo)]);
  const warehouses = allowedWarehouses(all, who.viewer.odoo, deps.settings);
  if (warehouses.length === 0) return { ok: false, message: 'The policy lets you request purchases for no warehouse; ask the bot admin (policy file, requests: requesters).' };
  const text = words.trim();
  const parsed = text ? parseRequestWords(text, deps.now(), deps.calendar.timeZone) : null;
  const [product] = parsed?.productText ? await searchProducts(deps.odoo, lastWord(parsed.productText), 1) : [];
  const wanted = parsed?.warehouseText?.toUpperCase();
  const warehouse = wanted ? warehouses.find((w) => w.code.toUpperCase() === wanted || w.name.toUpperCase() === wanted || w.name.toUpperCase().startsWith(`${wanted} `)) : undefined;
  return {
    ok: true,
    data: {
      warehouses: warehouses.map((w) => ({ id: w.id, name: w.name, code: w.code })),
      units,
      prefill: {
        product: product ?? null,
        quantity: parsed?.quantity ? String(parsed.quantity) : null,
        warehouseId: warehouse?.id ?? (warehouses.length === 1 ? warehouses[0]!.id : null),
        neededBy: parsed?.neededBy ?? null,
        reason: null,
      },
    },
  };
}

/** "nitrile gloves" -> "gloves" first: product names carry the noun, adjectives vary. Singular too. */
function lastWord(text: string): string {
  const words = text.split(/\s+/).filter((w) => w.length > 2);
  const last = words[words.length - 1] ?? text;
  return last.replace(/s$/i, '');
}
