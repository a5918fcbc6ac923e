import { readFileSync } from 'node:fs';
import { odooRecordingPath } from '../../support/paths.ts';

export const VERSIONS = [17, 18] as const;
export type OdooVersion = (typeof VERSIONS)[number];

export interface RecordedCall {
  request: string;
  response: string;
  result: unknown;
  fault: { faultCode: number; faultString: string } | null;
}

const load = <T>(version: OdooVersion, file: string): T =>
  JSON.parse(readFileSync(odooRecordingPath(version, file), 'utf8')) as T;

/** raw_xmlrpc.json: the real request/response bytes of real Odoo, by scenario. */
export const rawCalls = (v: OdooVersion) => load<Record<string, RecordedCall>>(v, 'raw_xmlrpc.json');

/** search_read_samples.json: real records per model, with the fields that were asked. */
export const samples = (v: OdooVersion) =>
  load<Record<string, { fields_asked: string[]; records: Array<Record<string, unknown>> }>>(v, 'search_read_samples.json');

/** fields_get.json: every field of the models the bot touches. */
export const fieldsGet = (v: OdooVersion) =>
  load<Record<string, Record<string, { type: string; relation?: string }>>>(v, 'fields_get.json');

/** flows.json: the approval, receipt and bill flows. */
export const flows = (v: OdooVersion) => load<Record<string, unknown>>(v, 'flows.json');

/** The recorded response of a scenario, to serve as is. */
export const recordedXml = (v: OdooVersion, scenario: string): string => {
  const call = rawCalls(v)[scenario];
  if (!call) throw new Error(`no recorded scenario ${scenario} for Odoo ${v}`);
  return call.response;
};
