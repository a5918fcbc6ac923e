import type { OdooStore } from '../store.ts';
import { collectWebhooks } from '../automation/run-automations.ts';
import type { WebhookSender } from '../automation/webhook-sender.ts';
import { DEFAULT_COMMIT_DELAY_MS } from '../automation/webhook-timing.ts';
import { AccessDenied, OdooError, PythonError, UserError, frame, marshalNoneTraceback, parseErrorTraceback, traceback } from '../odoo-errors.ts';
import type { BehaviourRegistry } from '../orm/behaviour.ts';
import { callKw } from '../orm/call-kw.ts';
import type { Odoo19 } from '../orm/call-kw-19.ts';
import type { OdooEnv, RecordEvent } from '../orm/env.ts';
import type { ModelSchema } from '../schema/model-schema.ts';
import { TransactionRunner } from '../transaction/transaction-runner.ts';
import { XmlRpcParseError, parseMethodCall } from '../../xmlrpc/parse-xmlrpc.ts';
import { isStruct, type RpcStruct, type RpcValue } from '../../xmlrpc/rpc-value.ts';
import { MarshalNoneError, MarshalOverflowError, writeFault, writeMethodResponse, type OdooMajor } from '../../xmlrpc/write-xmlrpc.ts';

/**
 * The XML-RPC services of the embedded Odoo (`common` and `object`), from request bytes to
 * response bytes, as odoo/addons/base/controllers/rpc.py answers them on 17.0 and 18.0:
 * every outcome is HTTP 200 with either a methodResponse or a fault.
 */
export interface OdooServiceOptions {
  store: OdooStore;
  version: OdooMajor;
  db: string;
  schema: Map<string, ModelSchema>;
  behaviours: BehaviourRegistry;
  webhooks: WebhookSender;
  now?: () => Date;
  /** How long a 17/18 transaction runs on after its last webhook. @defaultValue DEFAULT_COMMIT_DELAY_MS */
  commitDelayMs?: number;
  /** 19.0's names and states in front of the 18-shaped store (orm/call-kw-19.ts). */
  odoo19?: Odoo19;
}

const VERSION_INFO: Record<OdooMajor, RpcStruct> = {
  17: { server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1 },
  18: { server_version: '18.0', server_version_info: [18, 0, 0, 'final', 0, ''], server_serie: '18.0', protocol_version: 1 },
  19: { server_version: '19.0', server_version_info: [19, 0, 0, 'final', 0, ''], server_serie: '19.0', protocol_version: 1 },
};

/** The Odoo major versions the embedded Odoo serves. */
export const SERVED_VERSIONS = Object.keys(VERSION_INFO).map(Number) as OdooMajor[];

/** `common.version` of a major (also served by /web/webclient/version_info). */
export function versionInfo(version: OdooMajor): RpcStruct {
  return VERSION_INFO[version];
}

export class OdooService {
  /** Every call runs in a transaction: rolled back on error, webhooks before or after the commit. */
  readonly transactions: TransactionRunner;

  constructor(private readonly opts: OdooServiceOptions) {
    this.transactions = new TransactionRunner({
      store: opts.store,
      version: opts.version,
      webhooks: opts.webhooks,
      collect: (events) => collectWebhooks(this.env(1, {}, events), events),
      commitDelayMs: opts.commitDelayMs ?? DEFAULT_COMMIT_DELAY_MS,
    });
  }

  /** Handles one XML-RPC request body for a service ('common', 'object', 'db'). */
  async handle(service: string, body: string): Promise<string> {
    const { version } = this.opts;
    let call;
    try {
      call = parseMethodCall(body);
    } catch (e) {
      if (e instanceof XmlRpcParseError) {
        return writeFault(1, parseErrorTraceback(version, `${e.message}: line ${e.line}, column ${e.column}`), version);
      }
      throw e;
    }
    let result: RpcValue;
    try {
      result = await this.transactions.run((events) => this.dispatch(service, call.methodName, call.params, events));
    } catch (e) {
      return this.fault(e);
    }
    // Committed by now: marshalling fails AFTER the commit, as button_cancel's None does on Odoo.
    try {
      return writeMethodResponse(result, version);
    } catch (e) {
      if (e instanceof MarshalNoneError) return writeFault(1, marshalNoneTraceback(version), version);
      if (e instanceof MarshalOverflowError) return writeFault(1, traceback(version, new PythonError('OverflowError', e.message)), version);
      throw e;
    }
  }

  private fault(e: unknown): string {
    const { version } = this.opts;
    if (e instanceof PythonError) return writeFault(1, traceback(version, e), version);
    if (e instanceof OdooError) return writeFault(e.faultCode, e.message, version);
    const message = e instanceof Error ? e.message : String(e);
    return writeFault(1, traceback(version, new PythonError('Exception', message)), version);
  }

  private env(uid: number, context: RpcStruct, events: RecordEvent[]): OdooEnv {
    const { store, version, schema, behaviours } = this.opts;
    return { store, version, schema, behaviours, uid, context, su: false, events, now: this.opts.now ?? (() => new Date()) };
  }

  private dispatch(service: string, method: string, params: RpcValue[], events: RecordEvent[]): RpcValue {
    if (service === 'common') return this.common(method, params);
    if (service === 'db') return this.dbService(method);
    if (service !== 'object') throw new PythonError('KeyError', `'${service}'`);
    if (method !== 'execute_kw' && method !== 'execute') {
      throw new PythonError('NameError', `Method not available ${method}`);
    }
    const [db, uid, password, model, name, ...rest] = params;
    this.checkDb(db);
    if (typeof uid !== 'number' || !this.checkCredentials(uid, password)) throw new AccessDenied();
    if (typeof model !== 'string' || !this.opts.schema.has(model)) throw new UserError(`Object ${String(model)} doesn't exist`);
    if (typeof name !== 'string') throw new PythonError('TypeError', 'method name must be a string');
    let args: RpcValue[];
    let kwargs: RpcStruct;
    if (method === 'execute_kw') {
      args = Array.isArray(rest[0]) ? rest[0] : [];
      kwargs = isStruct(rest[1]) ? rest[1] : {};
    } else {
      args = rest;
      kwargs = {};
    }
    const context = isStruct(kwargs.context) ? kwargs.context : {};
    const { context: _ctx, ...callKwargs } = kwargs;
    return this.callModel(this.env(uid, context, events), model, name, args, callKwargs);
  }

  /** One model method as this version answers it (XML-RPC and JSON-2 alike). */
  callModel(env: OdooEnv, model: string, method: string, args: RpcValue[], kwargs: RpcStruct): RpcValue {
    return this.opts.odoo19 ? this.opts.odoo19.call(env, model, method, args, kwargs) : callKw(env, model, method, args, kwargs);
  }

  /** The env of one call by `uid` (JSON-2 builds it after checking the bearer key). */
  callEnv(uid: number, context: RpcStruct, events: RecordEvent[]): OdooEnv {
    return this.env(uid, context, events);
  }


  /** Whether the model exists in this database. */
  hasModel(model: string): boolean {
    return this.opts.schema.has(model);
  }

  get db(): string {
    return this.opts.db;
  }

  get version(): OdooMajor {
    return this.opts.version;
  }

  get store(): OdooStore {
    return this.opts.store;
  }

  private checkDb(db: RpcValue | undefined): void {
    if (db !== this.opts.db) {
      throw new PythonError(
        'psycopg2.OperationalError',
        `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${String(db)}" does not exist\n`,
        [frame('/opt/odoo/odoo/sql_db.py', 708, 'borrow', 'result = psycopg2.connect(')],
      );
    }
  }

  private userByLogin(login: RpcValue | undefined) {
    if (typeof login !== 'string') return undefined;
    return this.opts.store.rows('res.users').find((u) => u.login === login && u.active !== false);
  }

  private checkCredentials(uid: number, password: RpcValue | undefined): boolean {
    const user = this.opts.store.get('res.users', uid);
    return !!user && user.active !== false && typeof password === 'string' && password !== '' && user.password === password;
  }

  private common(method: string, params: RpcValue[]): RpcValue {
    switch (method) {
      case 'version':
        return VERSION_INFO[this.opts.version];
      case 'about':
        return 'See http://openerp.com';
      case 'login':
      case 'authenticate': {
        const [db, login, password] = params;
        if (db !== this.opts.db) return false;
        const user = this.userByLogin(login);
        return user && this.checkCredentials(user.id, password) ? user.id : false;
      }
      default:
        throw new PythonError('NameError', `Method not available ${method}`);
    }
  }

  private dbService(method: string): RpcValue {
    if (method === 'list') return [this.opts.db];
    if (method === 'server_version') return VERSION_INFO[this.opts.version].server_version ?? false;
    throw new UserError('Access Denied');
  }
}
