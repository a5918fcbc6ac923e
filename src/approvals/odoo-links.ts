/** A link that opens the PO form in Odoo's web client; `/web#...` works on both 17 and 18. */
export function purchaseOrderUrl(odooBaseUrl: string, orderId: number): string {
  return `${odooBaseUrl.replace(/\/+$/, '')}/web#id=${orderId}&model=purchase.order&view_type=form`;
}
