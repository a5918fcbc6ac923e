import { z } from 'zod';
import { datetimeRequired, id, ids, many2one, text } from './odoo-values.ts';

export const PARTNER_FIELDS = ['name', 'email', 'is_company', 'parent_id', 'supplier_rank', 'ref', 'write_date'] as const;

export const partnerSchema = z
  .object({
    id,
    // contacts without a name exist (an address under a company): Odoo sends false
    name: z.union([z.string(), z.literal(false)]).transform((v) => (v === false ? '' : v)),
    email: text,
    is_company: z.boolean(),
    parent_id: many2one,
    supplier_rank: z.number().int(),
    ref: text,
    write_date: datetimeRequired,
  })
  .transform((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    isCompany: r.is_company,
    parent: r.parent_id,
    supplierRank: r.supplier_rank,
    ref: r.ref,
    writeDate: r.write_date,
  }));

/** `groups_id` is the 17.0/18.0 name (with implied groups included); 19.0 renames it `group_ids`. */
export const USER_FIELDS = ['name', 'login', 'email', 'partner_id', 'company_id', 'company_ids', 'groups_id', 'active', 'share'] as const;

export const userSchema = z.object({
  id,
  name: z.string(),
  login: z.string(),
  email: text,
  partner_id: many2one,
  company_id: many2one,
  company_ids: ids,
  groups_id: ids,
  active: z.boolean(),
  share: z.boolean(),
});

export const COMPANY_FIELDS = ['name', 'currency_id', 'po_double_validation', 'po_double_validation_amount'] as const;

export const companySchema = z
  .object({
    id,
    name: z.string(),
    currency_id: many2one,
    po_double_validation: z.enum(['one_step', 'two_step']),
    po_double_validation_amount: z.number(),
  })
  .transform((r) => ({
    id: r.id,
    name: r.name,
    currency: r.currency_id,
    poDoubleValidation: r.po_double_validation,
    poDoubleValidationAmount: r.po_double_validation_amount,
  }));
