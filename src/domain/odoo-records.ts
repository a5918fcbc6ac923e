/**
 * The Odoo records the bot works with, as the core sees them: plain TypeScript, already validated.
 *
 * Conventions (the adapter guarantees them, so the core never sees Odoo's wire shapes):
 * - empty values are `null`, never Odoo's `false` (a real boolean field stays a boolean);
 * - a many2one is a `Ref` (`{ id, name }`) or `null`; x2many fields are arrays of ids;
 * - DATETIME fields (`date_order`, `scheduled_date`, `write_date`, ...) are `Date` instants.
 *   Odoo stores and sends them in UTC as `YYYY-MM-DD HH:MM:SS`; aging rules need instants.
 * - DATE fields (`invoice_date`, `invoice_date_due`, activity deadlines) are `IsoDate` strings
 *   `YYYY-MM-DD`: a calendar day has no time zone, and turning it into a `Date` would shift it
 *   by a day in half the world. Compare them as strings or with date-fns `parseISO`.
 * - property names are camelCase; the doc comment names the Odoo field when it differs.
 */

/** A many2one value: the related record's id and display name. */
export interface Ref {
  id: number;
  name: string;
}

/** A calendar date `YYYY-MM-DD` (an Odoo `date` field). */
export type IsoDate = string;

/** purchase.order.state in Odoo 17 and 18 (Odoo 19 replaces `done` by a `locked` flag). */
export type PurchaseOrderState = 'draft' | 'sent' | 'to approve' | 'purchase' | 'done' | 'cancel';

export interface PurchaseOrder {
  id: number;
  /** e.g. `P00042` */
  name: string;
  state: PurchaseOrderState;
  /** The vendor (`partner_id`). */
  partner: Ref | null;
  /** The buyer responsible (`user_id`). */
  buyer: Ref | null;
  /** Who created the order (`create_uid`). */
  createdBy: Ref | null;
  company: Ref | null;
  currency: Ref | null;
  amountUntaxed: number;
  /** Taxes included; the two-step threshold compares against this, in the company currency. */
  amountTotal: number;
  dateOrder: Date | null;
  dateApprove: Date | null;
  datePlanned: Date | null;
  /** The vendor's own reference (`partner_ref`). */
  partnerRef: string | null;
  origin: string | null;
  /** `order_line` */
  lineIds: number[];
  pickingIds: number[];
  invoiceIds: number[];
  receiptStatus: 'pending' | 'partial' | 'full' | null;
  invoiceStatus: 'no' | 'to invoice' | 'invoiced' | null;
  writeDate: Date;
  /** Where it is delivered (`picking_type_id`, "Deliver To"). */
  pickingType: Ref | null;
  /** The warehouse of that picking type (`picking_type_id.warehouse_id`), read in one batch per call. */
  warehouse: Ref | null;
  /** `mail_reception_confirmed` (vendor confirmed the receipt date); null where the field does not exist. */
  receptionConfirmed: boolean | null;
  /** `notes` (terms and conditions, HTML); null when empty or where the field does not exist. */
  notes: string | null;
}

export interface PurchaseOrderLine {
  id: number;
  /** `order_id` */
  order: Ref;
  /** null on section and note lines. */
  product: Ref | null;
  /** The description on the line. */
  name: string;
  /** `line_section` / `line_note` for layout lines, null for product lines. */
  displayType: 'line_section' | 'line_note' | null;
  /** `product_qty` */
  quantity: number;
  qtyReceived: number;
  qtyInvoiced: number;
  priceUnit: number;
  priceSubtotal: number;
  datePlanned: Date | null;
  /** `product_uom` */
  uom: Ref | null;
  /** The product's `categ_id`, read in one batch per call. */
  productCategory: Ref | null;
  writeDate: Date;
}

export type PickingState = 'draft' | 'waiting' | 'confirmed' | 'assigned' | 'done' | 'cancel';

/** An incoming stock.picking (`picking_type_code = 'incoming'`). */
export interface Receipt {
  id: number;
  /** e.g. `WH/IN/00007` */
  name: string;
  state: PickingState;
  scheduledDate: Date | null;
  dateDeadline: Date | null;
  dateDone: Date | null;
  origin: string | null;
  /** `purchase_id` */
  purchaseOrder: Ref | null;
  partner: Ref | null;
  /** `picking_type_id` */
  pickingType: Ref | null;
  /** The warehouse of the picking type (`picking_type_id.warehouse_id`). */
  warehouse: Ref | null;
  /** The picking this one is the backorder of (`backorder_id`). */
  backorderOf: Ref | null;
  writeDate: Date;
}

export type MoveState = 'draft' | 'posted' | 'cancel';
export type PaymentState =
  | 'not_paid'
  | 'in_payment'
  | 'paid'
  | 'partial'
  | 'reversed'
  | 'blocked'
  | 'invoicing_legacy';

/** A vendor bill: account.move with `move_type = 'in_invoice'`. */
export interface VendorBill {
  id: number;
  /** `/` while a draft has no number yet. */
  name: string | null;
  /** The vendor's bill reference. */
  ref: string | null;
  state: MoveState;
  partner: Ref | null;
  /** The PO name(s) the bill comes from. */
  invoiceOrigin: string | null;
  amountTotal: number;
  paymentState: PaymentState | null;
  currency: Ref | null;
  invoiceDate: IsoDate | null;
  invoiceDateDue: IsoDate | null;
  writeDate: Date;
}

/** A product line of a vendor bill (account.move.line, `display_type = 'product'`). */
export interface VendorBillLine {
  id: number;
  /** `move_id` */
  bill: Ref;
  /** `purchase_line_id`: the PO line it bills, if any. */
  purchaseLine: Ref | null;
  product: Ref | null;
  name: string | null;
  quantity: number;
  priceUnit: number;
  priceSubtotal: number;
}

export interface Partner {
  id: number;
  name: string;
  email: string | null;
  isCompany: boolean;
  parent: Ref | null;
  supplierRank: number;
  ref: string | null;
  writeDate: Date;
}

export interface OdooUser {
  id: number;
  name: string;
  login: string;
  email: string | null;
  partner: Ref | null;
  company: Ref | null;
  companyIds: number[];
  active: boolean;
  /** Portal/public users are `share`; they never decide. */
  share: boolean;
  /** In `purchase.group_purchase_user` (or above). */
  isPurchaseUser: boolean;
  /** In `purchase.group_purchase_manager`: Odoo lets them approve anything. */
  isPurchaseManager: boolean;
}

export interface Company {
  id: number;
  name: string;
  currency: Ref | null;
  poDoubleValidation: 'one_step' | 'two_step';
  /** Threshold on `amount_total`, in the company currency. */
  poDoubleValidationAmount: number;
}

export interface Warehouse {
  id: number;
  name: string;
  code: string | null;
  company: Ref | null;
  /** `in_type_id`: the picking type of its receipts. */
  receiptType: Ref | null;
}

export type MessageType =
  | 'email'
  | 'comment'
  | 'email_outgoing'
  | 'notification'
  | 'auto_comment'
  | 'user_notification'
  | 'sms'
  | 'snailmail';

/** A mail.message in the chatter of a purchase order. */
export interface PoMessage {
  id: number;
  /** The purchase order's id (`res_id`). */
  orderId: number;
  messageType: MessageType;
  subtype: Ref | null;
  /** The partner who wrote it (the vendor for a supplier email). */
  author: Ref | null;
  emailFrom: string | null;
  subject: string | null;
  /** HTML as Odoo stores it (a posted plain-text body arrives escaped inside `<p>`). */
  body: string | null;
  date: Date;
  writeDate: Date;
}

export interface ActivityType {
  id: number;
  name: string;
  category: string | null;
  /** The model it is restricted to, if any. */
  resModel: string | null;
}

/** Every kind of record the gateway reads, by the name the core uses. */
export interface OdooRecordKinds {
  purchaseOrder: PurchaseOrder;
  purchaseOrderLine: PurchaseOrderLine;
  receipt: Receipt;
  vendorBill: VendorBill;
  vendorBillLine: VendorBillLine;
  partner: Partner;
  user: OdooUser;
  company: Company;
  warehouse: Warehouse;
  poMessage: PoMessage;
  activityType: ActivityType;
}

export type OdooRecordKind = keyof OdooRecordKinds;

/** The kinds whose records carry `writeDate`, so they can be scanned by change. */
export type ChangeTrackedKind = {
  [K in OdooRecordKind]: OdooRecordKinds[K] extends { writeDate: Date } ? K : never;
}[OdooRecordKind];
