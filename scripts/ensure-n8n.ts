/**
 * Installs the real n8n used by `npm run test:n8n` into a cache folder outside the project (once;
 * later runs reuse it). n8n 2.8.x is the last line that runs on Node 20. Two things keep it
 * installable from the npm registry alone: its `xlsx` dependency points at a CDN tarball, so it is
 * overridden with the registry's xlsx; and install scripts (which download prebuilt binaries) are
 * skipped, so sqlite3 is then built from the source it ships.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const N8N_VERSION = '2.8.4';
export const n8nCacheDir = () => process.env.N8N_CACHE_DIR ?? join(homedir(), '.cache', 'procurement-chatops-bot', `n8n-${N8N_VERSION}`);
export const n8nBin = () => join(n8nCacheDir(), 'node_modules', '.bin', 'n8n');

function ensure(): void {
  const dir = n8nCacheDir();
  const ready = join(dir, '.ready');
  if (existsSync(ready)) return void console.log(`n8n ${N8N_VERSION}: cached in ${dir}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'n8n-for-tests', private: true, dependencies: { n8n: N8N_VERSION }, overrides: { xlsx: '0.18.5' } }, null, 2));
  const started = Date.now();
  console.log(`n8n ${N8N_VERSION}: installing into ${dir} (about 2,000 packages; minutes on a first run)`);
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  execFileSync('npm', ['rebuild', 'sqlite3', '--build-from-source', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  writeFileSync(ready, new Date().toISOString());
  console.log(`n8n ${N8N_VERSION}: installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensure();
