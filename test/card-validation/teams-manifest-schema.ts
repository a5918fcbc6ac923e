/**
 * The official Teams app manifest JSON schema of a manifestVersion, as Microsoft ships it in the
 * `@microsoft/app-manifest` package (the schemas behind developer.microsoft.com/json-schemas/teams),
 * compiled with ajv (draft-04, as those schemas are written) and every format checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import AjvFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
// Both are CommonJS with a `default` export: reached the same way from Node's ESM and from TypeScript.
const Ajv = AjvDraft04.default;
const addFormats = AjvFormats.default;

/** The path of the schema file for `manifestVersion` ("1.19"), or an error naming what is missing. */
export function teamsSchemaPath(manifestVersion: string): string {
  const path = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
  if (!existsSync(path)) throw new Error(`@microsoft/app-manifest ships no schema for manifestVersion ${manifestVersion}`);
  return path;
}

/** "/bots/0/botId must match format "uuid"" for each error; [] when the manifest is valid. */
export function teamsManifestSchemaErrors(manifest: { manifestVersion?: unknown }): string[] {
  const schema = JSON.parse(readFileSync(teamsSchemaPath(String(manifest.manifestVersion)), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
