import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTeamsPackage, DEMO_APP_ID, TeamsPackageError } from '../../scripts/teams-package.ts';
import { parseDelegateCommand } from '../../src/delegation/parse-delegate-command.ts';
import { parseCommand, parseQuestion } from '../../src/status/index.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

type Command = { title: string; description: string };
type Manifest = {
  $schema: string; manifestVersion: string; id: string; version: string; validDomains: string[]; developer: Record<string, string>;
  bots: Array<{ botId: string; scopes: string[]; supportsFiles: boolean; commandLists: Array<{ scopes: string[]; commands: Command[] }> }>;
};
const template = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'manifest/teams/manifest.json'), 'utf8')) as Manifest;
const APP_ID = '2f0c8c5e-7d3a-4b1e-9c6f-0a1b2c3d4e5f';

/** Width, height and colour type from a PNG's IHDR, and its RGBA pixels (8-bit, no interlace). */
function readPng(file: Buffer): { width: number; height: number; colorType: number; pixels: Buffer } {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(file.toString('latin1', 12, 16)).toBe('IHDR');
  const width = file.readUInt32BE(16);
  const height = file.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    if (file.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(file.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  // Rows start with a filter byte; the generator writes filter 0 (none) only.
  const pixels = Buffer.concat(Array.from({ length: height }, (_, y) => raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))));
  return { width, height, colorType: file[25]!, pixels };
}

/** The files of a ZIP, read through its central directory (independently of the writer). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

describe('manifest/teams/manifest.json', () => {
  it('uses a current schema, and its manifestVersion matches it', () => {
    const version = /teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(template.$schema)?.[1];
    expect(version).toBe(template.manifestVersion);
    expect(Number(version!.split('.')[1])).toBeGreaterThanOrEqual(17);
  });

  it('declares one bot in personal, team and group chats, without files; the ids are placeholders', () => {
    expect(template.bots).toHaveLength(1);
    expect(template.bots[0]).toMatchObject({ botId: '{{MICROSOFT_APP_ID}}', supportsFiles: false });
    expect([...template.bots[0]!.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(template.id).toBe('{{MICROSOFT_APP_ID}}');
    expect(template.validDomains).toEqual(['{{PUBLIC_HOST}}']);
  });

  it('lists the same commands in every scope, within Teams limits', () => {
    const lists = template.bots[0]!.commandLists;
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = lists.map((l) => l.commands.map((c) => c.title));
    for (const t of titles) expect(t).toEqual(titles[0]);
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect(c.description.length).toBeLessThanOrEqual(128);
      }
    }
    expect(titles[0]).toEqual(['po P00042', 'po late', 'po mine', 'po unconfirmed', 'po delegate', 'po delegate off', 'help']);
  });

  it('every listed command is one the bot parses, to the answer it promises', () => {
    // Teams sends the title as typed; the adapter drops the leading `po` as Slack's /po does.
    const textOf = (title: string) => parseCommand(title.replace(/^po\s+/i, '')).text;
    const expected: Record<string, string> = { 'po P00042': 'po_status', 'po late': 'late_receipts', 'po mine': 'my_exceptions', 'po unconfirmed': 'unconfirmed', help: 'help' };
    const commands = template.bots[0]!.commandLists[0]!.commands;
    for (const { title } of commands) {
      const text = textOf(title);
      const delegate = parseDelegateCommand(text);
      if (title.startsWith('po delegate')) {
        expect(delegate?.kind, title).toBe(title === 'po delegate off' ? 'off' : 'show');
      } else {
        expect(delegate, title).toBeNull();
        expect(parseQuestion(text)?.kind, title).toBe(expected[title]);
      }
    }
    // The example in the description hands approvals over.
    const example = /po (delegate @name until \S+)/.exec(commands.find((c) => c.title === 'po delegate')!.description)![1]!;
    expect(parseDelegateCommand(example)).toMatchObject({ kind: 'set', target: { kind: 'name', text: 'name' }, until: '2026-12-24' });
  });

  it('ships a 192x192 colour icon and a 32x32 outline icon that is white on transparent', () => {
    const color = readPng(readFileSync(resolve(PROJECT_ROOT, 'manifest/teams/color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(readFileSync(resolve(PROJECT_ROOT, 'manifest/teams/outline.png')));
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.pixels.length; i += 4) {
      expect([outline.pixels[i], outline.pixels[i + 1], outline.pixels[i + 2]]).toEqual([255, 255, 255]);
      alphas.add(outline.pixels[i + 3]!);
    }
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
  });
});

describe('npm run teams:package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('zips manifest.json, color.png and outline.png at the root, with the app id and host filled in', () => {
    const pkg = buildTeamsPackage({ env: { MICROSOFT_APP_ID: APP_ID.toUpperCase(), PUBLIC_URL: 'https://bot.northgate.example/' } });
    const files = unzip(pkg.zip);
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['bot.northgate.example']);
    expect(manifest.developer.websiteUrl).toBe('https://bot.northgate.example');
    expect(manifest.version).toBe(JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')).version);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(files.get('color.png')).toEqual(readFileSync(resolve(PROJECT_ROOT, 'manifest/teams/color.png')));
    expect(files.get('outline.png')).toEqual(readFileSync(resolve(PROJECT_ROOT, 'manifest/teams/outline.png')));
  });

  it('refuses a missing or malformed app id or public URL, naming the variable', () => {
    const refusal = (env: NodeJS.ProcessEnv) => {
      try {
        buildTeamsPackage({ env });
      } catch (error) {
        return error instanceof TeamsPackageError ? error.code : String(error);
      }
      return 'built';
    };
    expect(refusal({ PUBLIC_URL: 'https://x.example' })).toBe('missing_app_id');
    expect(refusal({ MICROSOFT_APP_ID: 'my-bot', PUBLIC_URL: 'https://x.example' })).toBe('invalid_app_id');
    expect(refusal({ MICROSOFT_APP_ID: APP_ID })).toBe('missing_public_url');
    expect(refusal({ MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: 'http://x.example' })).toBe('invalid_public_url');
    expect(refusal({ MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: 'https://x.example/"},"id":"evil' })).toBe('built');
  });

  const run = (args: string[], env: NodeJS.ProcessEnv) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'MICROSOFT_APP_ID' && k !== 'PUBLIC_URL'));
    return spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(PROJECT_ROOT, 'scripts/teams-package.ts'), ...args], { env: { ...clean, ...env }, encoding: 'utf8', timeout: 30_000 });
  };

  it('the CLI refuses with one clear line when MICROSOFT_APP_ID is missing, and writes nothing', () => {
    const out = join(dir, 'refused.zip');
    const result = run([`--out=${out}`], { PUBLIC_URL: 'https://x.example' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('MICROSOFT_APP_ID is not set')]);
    expect(() => readFileSync(out)).toThrow();
  });

  it('the CLI with --demo uses the all-zero id and says so', () => {
    const out = join(dir, 'demo.zip');
    const result = run(['--demo', `--out=${out}`], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`demo: app id ${DEMO_APP_ID}`);
    const manifest = JSON.parse(unzip(readFileSync(out)).get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest.bots[0]!.botId).toBe(DEMO_APP_ID);
  });
});
