import type { Row } from '../store.ts';
import type { RpcStruct, RpcValue } from '../../xmlrpc/rpc-value.ts';
import type { OdooEnv } from './env.ts';

/** A public method callable over execute_kw; `ids` is args[0] for record methods. */
export type RecordMethod = (env: OdooEnv, ids: number[], args: RpcValue[], kwargs: RpcStruct) => RpcValue;

/**
 * What a model adds to the generic ORM: defaults, checks and recomputations around
 * create/write/unlink, and its business methods (button_confirm, message_post, ...).
 */
export interface ModelBehaviour {
  /** Fills defaults on a new row (stored shape) before it is inserted. */
  defaults?(env: OdooEnv, row: Omit<Row, 'id'>): void;
  afterCreate?(env: OdooEnv, id: number): void;
  /** Business refusals before a write (e.g. a locked record). */
  beforeWrite?(env: OdooEnv, ids: number[], vals: RpcStruct): void;
  /** Recomputes stored computed fields after a write. */
  afterWrite?(env: OdooEnv, ids: number[], fields: string[]): void;
  beforeUnlink?(env: OdooEnv, ids: number[]): void;
  afterUnlink?(env: OdooEnv, rows: Row[]): void;
  /** Record methods: args[0] is the ids. */
  methods?: Record<string, RecordMethod>;
  /** Model methods (@api.model): no ids. */
  modelMethods?: Record<string, (env: OdooEnv, args: RpcValue[], kwargs: RpcStruct) => RpcValue>;
  /** Default order (Odoo's _order) when the call gives none. */
  order?: string;
}

export type BehaviourRegistry = ReadonlyMap<string, ModelBehaviour>;
