import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { parseConfig, type Config } from '../../src/config/parse-config.ts';

/**
 * The environment, with `.env` (if present) underneath it: a variable set in the real
 * environment wins, as with dotenv's defaults. process.env itself is not changed.
 */
export function readEnv(env: NodeJS.ProcessEnv = process.env, dotenvPath = '.env'): Record<string, string | undefined> {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return { ...fromFile, ...env };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvPath = '.env'): Config {
  return parseConfig(readEnv(env, dotenvPath));
}
