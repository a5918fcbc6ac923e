import type { RpcStruct, RpcValue } from '../../xmlrpc/rpc-value.ts';
import { UserError } from '../odoo-errors.ts';
import { displayName } from '../orm/display-name.ts';
import { odooDatetime, sudo, type OdooEnv } from '../orm/env.ts';
import { create } from '../orm/records.ts';
import type { RecordMethod } from '../orm/behaviour.ts';

/**
 * The chatter (mail.thread) of the embedded Odoo: message_post and the notification messages
 * state changes leave, shaped like the recordings (17.0 and 18.0):
 * - a string body is escaped and wrapped: 'a <b>' -> '<p>a &lt;b&gt;</p>';
 * - email_from is '"Name" <email>' of the author's partner, email lowercased;
 * - subtype defaults to mail.mt_note, message_type to 'notification'.
 */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

/** tools.plaintext2html: escape, newlines to <br>, one paragraph. */
export function plaintextToHtml(text: string): string {
  return `<p>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;
}

function refOrFalse(env: OdooEnv, xmlid: string): number | false {
  try {
    return env.store.ref(xmlid);
  } catch {
    return false;
  }
}

export function userPartnerId(env: OdooEnv, uid = env.uid): number | false {
  const p = env.store.get('res.users', uid)?.partner_id;
  return typeof p === 'number' ? p : false;
}

function emailFrom(env: OdooEnv, partnerId: number | false): string | false {
  if (partnerId === false) return false;
  const p = env.store.get('res.partner', partnerId);
  if (!p || typeof p.email !== 'string' || !p.email) return false;
  return `"${String(p.name ?? '')}" <${p.email.toLowerCase()}>`;
}

export interface PostOptions {
  body?: string;
  /** Body already HTML (internal notifications): not escaped. */
  html?: boolean;
  messageType?: string;
  subtypeXmlid?: string;
  subtypeId?: number;
  authorId?: number | false;
  subject?: string | false;
  partnerIds?: number[];
  emailFrom?: string | false;
}

/** Creates the mail.message of a post on a record; returns its id. */
export function postMessage(env: OdooEnv, model: string, resId: number, opts: PostOptions): number {
  const record = env.store.get(model, resId);
  if (!record) throw new UserError(`Record does not exist or has been deleted.\n(Record: ${model}(${resId},), User: ${env.uid})`);
  const authorId = opts.authorId ?? userPartnerId(env);
  const subtypeId = opts.subtypeId ?? refOrFalse(env, opts.subtypeXmlid ?? 'mail.mt_note');
  const body = opts.body === undefined ? '' : opts.html ? opts.body : plaintextToHtml(opts.body);
  const [id] = create(sudo(env), 'mail.message', [
    {
      model,
      res_id: resId,
      record_name: displayName(env.store, model, record),
      body,
      message_type: opts.messageType ?? 'notification',
      subtype_id: subtypeId,
      author_id: authorId,
      email_from: opts.emailFrom ?? emailFrom(env, authorId),
      subject: opts.subject ?? false,
      partner_ids: [[6, 0, opts.partnerIds ?? []]],
      date: odooDatetime(env.now()),
      is_internal: opts.subtypeXmlid === 'mail.mt_note' || opts.subtypeXmlid === undefined,
    },
  ]);
  return id ?? 0;
}

/** message_post(body=..., message_type=..., subtype_xmlid=..., author_id=..., subject=...) on `model`. */
function messagePostOn(model: string): RecordMethod {
  return (env, ids, args, kwargs: RpcStruct) => {
    const str = (v: RpcValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
    const partnerIds = Array.isArray(kwargs.partner_ids) ? kwargs.partner_ids.filter((x): x is number => typeof x === 'number') : [];
    const subtypeId = typeof kwargs.subtype_id === 'number' ? kwargs.subtype_id : undefined;
    if (ids.length !== 1) throw new UserError(`Expected singleton: ${model}(${ids.join(', ')})`);
    return postMessage(env, model, ids[0] ?? 0, {
      body: str(kwargs.body) ?? str(args[0]) ?? '',
      messageType: str(kwargs.message_type) ?? 'notification',
      subtypeXmlid: str(kwargs.subtype_xmlid) ?? (subtypeId === undefined ? 'mail.mt_note' : undefined),
      subtypeId,
      authorId: typeof kwargs.author_id === 'number' ? kwargs.author_id : undefined,
      subject: str(kwargs.subject) ?? false,
      partnerIds,
      emailFrom: str(kwargs.email_from),
    });
  };
}

/** The mail.thread methods of a model with a chatter. */
export function chatterMethods(model: string): Record<string, RecordMethod> {
  return { message_post: messagePostOn(model) };
}
