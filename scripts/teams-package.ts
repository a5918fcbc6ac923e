/**
 * `npm run teams:package [-- --demo]`: builds dist/teams-app.zip, the app package to upload in
 * Teams (Apps > Manage your apps > Upload an app, or the Teams admin center): manifest.json with
 * the bot's app id and public host filled in, color.png and outline.png, at the zip's root.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipFiles } from './zip-files.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The demo package's ids: a valid GUID that no Azure bot has, so Teams cannot be fooled by it. */
export const DEMO_APP_ID = '00000000-0000-0000-0000-000000000000';
export const DEMO_PUBLIC_URL = 'https://bot.example.com';

export class TeamsPackageError extends Error {
  constructor(
    readonly code: 'missing_app_id' | 'invalid_app_id' | 'missing_public_url' | 'invalid_public_url' | 'unfilled_placeholder',
    message: string,
  ) {
    super(message);
    this.name = 'TeamsPackageError';
  }
}

export interface TeamsPackage {
  zip: Buffer;
  manifest: Record<string, unknown>;
  appId: string;
  publicUrl: string;
  demo: boolean;
}

/** The package from manifest/teams/ and the environment; throws TeamsPackageError naming what to fix. */
export function buildTeamsPackage(options: { env?: NodeJS.ProcessEnv; demo?: boolean; root?: string } = {}): TeamsPackage {
  const env = options.env ?? process.env;
  const root = options.root ?? ROOT;
  const demo = options.demo ?? false;
  const appId = env.MICROSOFT_APP_ID?.trim() || (demo ? DEMO_APP_ID : '');
  if (!appId) throw new TeamsPackageError('missing_app_id', 'MICROSOFT_APP_ID is not set: set it to the Azure bot\'s app id (a GUID), or run `npm run teams:package -- --demo`.');
  if (!GUID.test(appId)) throw new TeamsPackageError('invalid_app_id', `MICROSOFT_APP_ID must be a GUID like 2f0c...-...; got ${JSON.stringify(appId.slice(0, 60))}.`);
  const publicUrl = (env.PUBLIC_URL?.trim() || (demo ? DEMO_PUBLIC_URL : '')).replace(/\/+$/, '');
  if (!publicUrl) throw new TeamsPackageError('missing_public_url', 'PUBLIC_URL is not set: set it to the bot\'s https address (the one Azure sends /api/messages to), or run with --demo.');
  let host: string;
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'https:') throw new Error('not https');
    host = url.host;
  } catch {
    throw new TeamsPackageError('invalid_public_url', `PUBLIC_URL must be an https URL (Teams refuses others); got ${JSON.stringify(publicUrl.slice(0, 100))}.`);
  }

  const template = readFileSync(resolve(root, 'manifest/teams/manifest.json'), 'utf8');
  const values: Record<string, string> = { MICROSOFT_APP_ID: appId.toLowerCase(), PUBLIC_URL: publicUrl, PUBLIC_HOST: host };
  // Values are JSON-escaped before they go into the JSON text, so no value can change its shape.
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => (name in values ? JSON.stringify(values[name]).slice(1, -1) : whole));
  const left = /\{\{[A-Z_]+\}\}/.exec(filled);
  if (left) throw new TeamsPackageError('unfilled_placeholder', `manifest/teams/manifest.json has a placeholder this script does not fill: ${left[0]}.`);
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  // Teams only takes an update of an uploaded app when the version grows: follow the project's.
  manifest.version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

  const zip = zipFiles([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: readFileSync(resolve(root, 'manifest/teams/color.png')) },
    { name: 'outline.png', data: readFileSync(resolve(root, 'manifest/teams/outline.png')) },
  ]);
  return { zip, manifest, appId: values.MICROSOFT_APP_ID!, publicUrl, demo };
}

/** The CLI: writes the zip (default dist/teams-app.zip); one line on success, one on refusal. */
export function main(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): number {
  const unknown = argv.filter((a) => a !== '--demo' && !a.startsWith('--out='));
  if (unknown.length) {
    console.error(`teams:package: unknown option ${unknown[0]}; use --demo and/or --out=<file>.`);
    return 2;
  }
  const demo = argv.includes('--demo');
  const out = resolve(argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? resolve(ROOT, 'dist/teams-app.zip'));
  try {
    const pkg = buildTeamsPackage({ env, demo });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, pkg.zip);
    const demoNote = demo && !env.MICROSOFT_APP_ID?.trim() ? ` (demo: app id ${DEMO_APP_ID}, not uploadable to a real tenant)` : '';
    console.log(`teams:package: wrote ${out} for bot ${pkg.appId} at ${pkg.publicUrl}${demoNote}`);
    return 0;
  } catch (error) {
    if (error instanceof TeamsPackageError) {
      console.error(`teams:package: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main();
