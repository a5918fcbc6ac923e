/**
 * The mailbox workflow of `npm run test:n8n` reads a real IMAP mailbox: Debian's Dovecot, run by
 * the test in a folder of its own on a free port. Installs it from Debian's packages when it is
 * missing and this runs as root; otherwise says what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';

const DOVECOT = '/usr/sbin/dovecot';

function ensure(): void {
  if (existsSync(DOVECOT)) return void console.log('IMAP server: Dovecot found');
  if (userInfo().uid !== 0) throw new Error('npm run test:n8n needs Dovecot for the mailbox workflow: sudo apt-get install -y dovecot-imapd');
  console.log('IMAP server: installing Dovecot (apt-get install dovecot-imapd)');
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'dovecot-imapd'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  // The package's own service is not needed (and may not start in a container): the test runs its own.
  try {
    execFileSync('service', ['dovecot', 'stop'], { stdio: 'ignore' });
  } catch {
    // not running
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensure();
