import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { n8nBin } from '../../scripts/ensure-n8n.ts';
import { PROJECT_ROOT } from '../../test/support/paths.ts';
import { waitFor } from '../../test/support/spawn-bot.ts';

const run = promisify(execFile);

export interface N8nNode {
  name: string;
  type: string;
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
  [k: string]: unknown;
}
export interface N8nWorkflow {
  id?: string;
  nodes: N8nNode[];
  connections: Record<string, unknown>;
  [k: string]: unknown;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * A real n8n with its own user folder (database, settings), run as a person would run it:
 * NODE_ENV=production (vitest's NODE_ENV=test silences n8n's output), the Code node allowed to
 * use `crypto` as the downstream workflow's README says.
 */
export class N8n {
  readonly home = mkdtempSync(join(tmpdir(), 'n8n-home-'));
  private server: ChildProcess | null = null;
  private output = '';
  constructor(readonly port = 0) {}

  env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'production',
      N8N_USER_FOLDER: this.home,
      N8N_ENCRYPTION_KEY: 'n8n-test-encryption-key-0123',
      N8N_DIAGNOSTICS_ENABLED: 'false',
      N8N_PORT: String(this.port),
      N8N_LISTEN_ADDRESS: '127.0.0.1',
      N8N_HOST: '127.0.0.1',
      WEBHOOK_URL: `http://127.0.0.1:${this.port}/`,
      NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
      N8N_PERSONALIZATION_ENABLED: 'false',
      N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
      N8N_TEMPLATES_ENABLED: 'false',
    };
  }

  cli(...args: string[]) {
    return run(n8nBin(), args, { env: this.env(), timeout: 120_000, maxBuffer: 32 * 1024 * 1024 });
  }

  /** A shipped workflow (integrations/n8n/<file>) as JSON, to set what its README says to change. */
  static shipped(file: string): N8nWorkflow {
    return JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'integrations/n8n', file), 'utf8')) as N8nWorkflow;
  }

  /** Imports a workflow with the CLI (as `n8n import:workflow` does for a person) and publishes it. */
  async importAndPublish(workflow: N8nWorkflow): Promise<string> {
    const file = join(this.home, `${workflow.id}.json`);
    writeFileSync(file, JSON.stringify(workflow));
    const out = await this.cli('import:workflow', `--input=${file}`);
    if (!/Successfully imported 1 workflow/.test(out.stdout + out.stderr)) throw new Error(`n8n import failed: ${out.stdout}${out.stderr}`);
    await this.cli('publish:workflow', `--id=${workflow.id}`);
    return out.stdout + out.stderr;
  }

  async importCredentials(credentials: unknown[]): Promise<void> {
    const file = join(this.home, 'credentials.json');
    writeFileSync(file, JSON.stringify(credentials));
    await this.cli('import:credentials', `--input=${file}`);
  }

  /**
   * `n8n start`, until it has activated the published workflows (webhooks listen, triggers poll):
   * /healthz answers before that, and a webhook called then is "not registered".
   */
  async start(): Promise<void> {
    this.server = spawn(n8nBin(), ['start'], { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    this.server.stdout!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.server.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
    await waitFor(async () => {
      if (this.server?.exitCode !== null) throw new Error(`n8n exited: ${this.output.slice(-2000)}`);
      return this.output.includes('Editor is now accessible via');
    }, 120_000, 'n8n to activate its workflows');
  }

  log(): string {
    return this.output;
  }

  async close(): Promise<void> {
    if (this.server && this.server.exitCode === null) {
      const exited = new Promise((r) => this.server!.once('exit', r));
      this.server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (this.server.exitCode === null) this.server.kill('SIGKILL');
    }
    rmSync(this.home, { recursive: true, force: true });
  }
}
