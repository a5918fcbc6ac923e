import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root and the data the tests replay. Everything lives inside the repository: a
 * user's clone has nothing beside it. test/fixtures/odoo/{17,18,19} are copies of the
 * recordings made on real Odoo servers (shared/data/odoo, by scripts/record-odoo-fixtures.py);
 * data/ holds the labelled supplier-email sets (see data/README.md).
 */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = resolve(PROJECT_ROOT, 'test/fixtures');
export const DATA_DIR = resolve(PROJECT_ROOT, 'data');
/** A recording of real Odoo `version` (17, 18 or 19): fields_get.json, flows.json, ... */
export const odooRecordingPath = (version: number | string, file: string) =>
  resolve(FIXTURES_DIR, 'odoo', String(version), file);
export const dataPath = (...parts: string[]) => resolve(DATA_DIR, ...parts);
export const RECORDER_SCRIPT = resolve(PROJECT_ROOT, 'scripts/record-odoo-fixtures.py');
