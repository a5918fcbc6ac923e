/**
 * Fields of the models the embedded Odoo implements but whose fields_get was not recorded
 * (compact: `type[:relation]:Label`, a trailing `*` marks a non-stored field). Names, types and
 * labels follow Odoo 17/18 source; only the fields the bot, the recorder and the generator use.
 */
export const EXTRA_MODELS: Record<string, Record<string, string>> = {
  'res.groups': {
    name: 'char:Name', full_name: 'char:Group Name*', category_id: 'many2one:ir.module.category:Application',
    implied_ids: 'many2many:res.groups:Inherits', users: 'many2many:res.users:Users', share: 'boolean:Share Group',
    comment: 'text:Comment', color: 'integer:Color Index',
  },
  'ir.module.category': { name: 'char:Name', sequence: 'integer:Sequence' },
  'res.currency': {
    name: 'char:Currency', full_name: 'char:Name', symbol: 'char:Symbol', rounding: 'float:Rounding Factor',
    decimal_places: 'integer:Decimal Places*', active: 'boolean:Active', position: 'selection:Symbol Position',
    rate: 'float:Current Rate*',
  },
  'account.tax': {
    name: 'char:Tax Name', amount: 'float:Amount', amount_type: 'selection:Tax Computation',
    type_tax_use: 'selection:Tax Type', price_include: 'boolean:Included in Price', active: 'boolean:Active',
    company_id: 'many2one:res.company:Company', description: 'html:Description',
  },
  'uom.category': { name: 'char:Unit of Measure Category' },
  'uom.uom': {
    name: 'char:Unit of Measure', category_id: 'many2one:uom.category:Category', factor: 'float:Ratio',
    rounding: 'float:Rounding Precision', active: 'boolean:Active', uom_type: 'selection:Type',
  },
  'product.category': {
    name: 'char:Name', complete_name: 'char:Complete Name', parent_id: 'many2one:product.category:Parent Category',
    child_id: 'one2many:product.category:Child Categories',
  },
  // A product's vendors (product.template/product.product `seller_ids`), first = preferred (Odoo's
  // _order: sequence, min_qty desc, price, id); what a purchase request picks its vendor from.
  'product.supplierinfo': {
    partner_id: 'many2one:res.partner:Vendor', product_id: 'many2one:product.product:Product Variant',
    product_name: 'char:Vendor Product Name', product_code: 'char:Vendor Product Code', sequence: 'integer:Sequence',
    min_qty: 'float:Quantity', price: 'float:Price', currency_id: 'many2one:res.currency:Currency',
    delay: 'integer:Delivery Lead Time', company_id: 'many2one:res.company:Company',
  },
  'stock.location': {
    name: 'char:Location Name', complete_name: 'char:Full Location Name', location_id: 'many2one:stock.location:Parent Location',
    usage: 'selection:Location Type', active: 'boolean:Active', company_id: 'many2one:res.company:Company',
    warehouse_id: 'many2one:stock.warehouse:Warehouse*', barcode: 'char:Barcode',
  },
  'stock.backorder.confirmation': {
    pick_ids: 'many2many:stock.picking:Pick', show_transfers: 'boolean:Show Transfers',
  },
  'mail.message.subtype': {
    name: 'char:Message Type', description: 'text:Description', internal: 'boolean:Internal Only',
    res_model: 'char:Model', default: 'boolean:Default', sequence: 'integer:Sequence', hidden: 'boolean:Hidden',
    track_recipients: 'boolean:Track Recipients', parent_id: 'many2one:mail.message.subtype:Parent',
  },
  'ir.model': {
    name: 'char:Model Description', model: 'char:Model', order: 'char:Order', info: 'text:Information',
    state: 'selection:Type', transient: 'boolean:Transient Model', field_id: 'one2many:ir.model.fields:Fields',
  },
  'ir.model.data': {
    name: 'char:External Identifier', module: 'char:Module', model: 'char:Model Name', res_id: 'many2one_reference:Record ID',
    noupdate: 'boolean:Non Updatable', complete_name: 'char:Complete ID*',
  },
  'ir.model.fields': {
    name: 'char:Field Name', model: 'char:Model Name', model_id: 'many2one:ir.model:Model',
    field_description: 'char:Field Label', ttype: 'selection:Field Type', relation: 'char:Related Model',
    relation_field: 'char:Relation Field', store: 'boolean:Stored', readonly: 'boolean:Readonly',
    required: 'boolean:Required', state: 'selection:Type', selection: 'char:Selection Options (Deprecated)*',
  },
};
