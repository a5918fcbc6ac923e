import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, and shared/ beside it (CI clones the project elsewhere, shared/ comes along). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = resolve(PROJECT_ROOT, '../shared');
export const sharedPath = (...parts: string[]) => resolve(SHARED_DIR, ...parts);
