import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTeamsPackage } from '../../scripts/teams-package.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { readZip } from '../support/read-zip.ts';
import { teamsManifestSchemaErrors } from './teams-manifest-schema.ts';

const manifestOf = (zip: Buffer) => JSON.parse(readZip(zip).get('manifest.json')!.toString('utf8')) as Record<string, unknown> & { manifestVersion: string; $schema: string };

describe('the Teams app package against the official manifest schema of its manifestVersion', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teams-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('npm run teams:package (the CLI, --demo) writes a manifest.json the schema accepts', () => {
    const out = join(dir, 'teams-app.zip');
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'MICROSOFT_APP_ID' && k !== 'PUBLIC_URL'));
    const run = spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(PROJECT_ROOT, 'scripts/teams-package.ts'), '--demo', `--out=${out}`], { env: clean, encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    const manifest = manifestOf(readFileSync(out));
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    expect(teamsManifestSchemaErrors(manifest)).toEqual([]);
  });

  it('and so does a package for a real app id and host', () => {
    const pkg = buildTeamsPackage({ env: { MICROSOFT_APP_ID: '2f0c8c5e-7d3a-4b1e-9c6f-0a1b2c3d4e5f', PUBLIC_URL: 'https://bot.northgate.example:8443/' } });
    expect(teamsManifestSchemaErrors(manifestOf(pkg.zip))).toEqual([]);
  });

  it('the schema refuses a broken manifest (so the tests above can fail)', () => {
    const manifest = manifestOf(buildTeamsPackage({ demo: true, env: {} }).zip) as unknown as Record<string, unknown> & { manifestVersion: string; bots: Array<Record<string, unknown>>; name: { short: string } };
    const broken = structuredClone(manifest);
    broken.name.short = 'x'.repeat(31);
    broken.bots[0]!.botId = 'not-a-guid';
    broken.bots[0]!.colour = 'blue';
    delete (broken as Record<string, unknown>).developer;
    const errors = teamsManifestSchemaErrors(broken).join('\n');
    expect(errors).toContain('/name/short must NOT have more than 30 characters');
    expect(errors).toMatch(/\/bots\/0\/botId must match (pattern|format)/);
    expect(errors).toContain('/bots/0 must NOT have additional properties');
    expect(errors).toContain("must have required property 'developer'");
    expect(() => teamsManifestSchemaErrors({ ...manifest, manifestVersion: '0.9' })).toThrow();
  });
});
