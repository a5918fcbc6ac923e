import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './n8n-cli.ts';
import { waitFor } from '../../test/support/spawn-bot.ts';
import { connect } from 'node:net';

export const DOVECOT = '/usr/sbin/dovecot';

/**
 * A real IMAP server (Debian's Dovecot) with one mailbox, in a folder of its own on a free port,
 * for the mailbox workflow. Mail is delivered as Maildir delivery does it: a file written to
 * `new/`, which Dovecot takes up as an unseen message.
 */
export class Dovecot {
  readonly dir = mkdtempSync(join(tmpdir(), 'dovecot-'));
  readonly user = 'purchasing@northgate.example';
  readonly password = 'imap-test-password';
  port = 0;
  private delivered = 0;

  static available(): boolean {
    return existsSync(DOVECOT);
  }

  /** The mail user: root may not read mail, so Debian's `mail` user (uid 8) owns the mailbox. */
  private static mailIds(): { uid: number; gid: number } {
    return userInfo().uid === 0 ? { uid: 8, gid: 8 } : { uid: userInfo().uid, gid: userInfo().gid };
  }

  async start(): Promise<void> {
    this.port = await freePort();
    const { uid, gid } = Dovecot.mailIds();
    chmodSync(this.dir, 0o755);
    const home = join(this.dir, 'home', this.user);
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(home, 'Maildir', sub), { recursive: true });
    for (const p of [join(this.dir, 'home'), home, join(home, 'Maildir'), ...['cur', 'new', 'tmp'].map((s) => join(home, 'Maildir', s))]) chownSync(p, uid, gid);
    writeFileSync(join(this.dir, 'passwd'), `${this.user}:{PLAIN}${this.password}\n`);
    const conf = join(this.dir, 'dovecot.conf');
    writeFileSync(conf, [
      `base_dir = ${this.dir}/run`, `state_dir = ${this.dir}/state`, `log_path = ${this.dir}/dovecot.log`,
      'protocols = imap', 'listen = 127.0.0.1', 'ssl = no', 'disable_plaintext_auth = no', 'auth_mechanisms = plain login',
      `first_valid_uid = ${uid}`,
      'passdb {', '  driver = passwd-file', `  args = scheme=PLAIN username_format=%u ${this.dir}/passwd`, '}',
      'userdb {', '  driver = static', `  args = uid=${uid} gid=${gid} home=${this.dir}/home/%u`, '}',
      'mail_location = maildir:~/Maildir',
      'service imap-login {', '  inet_listener imap {', '    address = 127.0.0.1', `    port = ${this.port}`, '  }', '  inet_listener imaps {', '    port = 0', '  }', '}',
      'service stats {', '  unix_listener stats-reader {', '    mode = 0666', '  }', '  unix_listener stats-writer {', '    mode = 0666', '  }', '}',
      '',
    ].join('\n'));
    // stdio ignored: the daemon keeps inherited pipes open, and execFileSync would wait for them.
    execFileSync(DOVECOT, ['-c', conf], { stdio: 'ignore' });
    await waitFor(() => new Promise<boolean>((ok) => {
      const s = connect(this.port, '127.0.0.1');
      s.once('data', (d) => (s.destroy(), ok(d.toString().startsWith('* OK'))));
      s.once('error', () => ok(false));
    }), 10_000, 'Dovecot to greet');
  }

  /** Delivers one RFC 5322 message to the inbox. */
  deliver(message: string): void {
    const { uid, gid } = Dovecot.mailIds();
    const name = `${Date.now()}.M${++this.delivered}P${process.pid}.test`;
    const tmp = join(this.dir, 'home', this.user, 'Maildir', 'tmp', name);
    writeFileSync(tmp, message.replace(/\r?\n/g, '\r\n'));
    chownSync(tmp, uid, gid);
    renameSync(tmp, join(this.dir, 'home', this.user, 'Maildir', 'new', name));
  }

  async close(): Promise<void> {
    try {
      execFileSync('doveadm', ['-c', join(this.dir, 'dovecot.conf'), 'stop'], { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    await new Promise((r) => setTimeout(r, 300));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
