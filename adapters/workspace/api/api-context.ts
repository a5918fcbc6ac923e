import type { WorkspaceStore } from '../workspace-store.ts';
import { directChannelOf, directOwner, userById, type WorkspaceChannel, type WorkspaceUser } from '../workspace-directory.ts';

/** What every Web API method of the workspace works with. */
export interface ApiContext {
  store: WorkspaceStore;
  channels: readonly WorkspaceChannel[];
  /** The bot's own URL (auth.test answers it as the workspace URL). */
  ownUrl: string;
}

export type ApiArgs = Record<string, unknown>;
/** Slack's envelope: HTTP 200 with `ok`, and `error` when not ok. */
export type ApiResult = { ok: true; [key: string]: unknown } | { ok: false; error: string; [key: string]: unknown };
export type ApiMethod = (args: ApiArgs, ctx: ApiContext) => Promise<ApiResult>;

export const fail = (error: string): ApiResult => ({ ok: false, error });

export type ResolvedChannel = { id: string; name: string; dmOf?: WorkspaceUser };

/**
 * A channel argument as Slack takes it: a channel id, `#name` or `name`, a DM id, or a user id
 * (posting to a user id posts in the bot's DM with them).
 */
export function resolveChannel(ctx: ApiContext, raw: unknown): ResolvedChannel | null {
  if (typeof raw !== 'string' || raw === '') return null;
  const name = raw.replace(/^#/, '').toLowerCase();
  const channel = ctx.channels.find((c) => c.id === raw || c.name === name);
  if (channel) return { id: channel.id, name: channel.name };
  const asUser = raw.startsWith('U') || raw.startsWith('W') ? userById(raw) : undefined;
  const owner = asUser ?? directOwner(raw);
  if (owner && !owner.isBot) return { id: directChannelOf(owner.id), name: owner.handle, dmOf: owner };
  return null;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Blocks arrive as an array (JSON bodies) or as JSON text (form bodies); anything else is invalid. */
export function blocksArg(value: unknown): { blocks?: unknown[]; error?: string } {
  if (value === undefined || value === null || value === '') return {};
  let blocks = value;
  if (typeof value === 'string') {
    try {
      blocks = JSON.parse(value);
    } catch {
      return { error: 'invalid_blocks_format' };
    }
  }
  if (!Array.isArray(blocks)) return { error: 'invalid_blocks_format' };
  if (blocks.length > 50 || blocks.some((b) => typeof b !== 'object' || b === null || typeof (b as { type?: unknown }).type !== 'string')) return { error: 'invalid_blocks' };
  return { blocks };
}

/** A view object (form bodies send it as JSON text). */
export function viewArg(value: unknown): Record<string, unknown> | null {
  let view = value;
  if (typeof value === 'string') {
    try {
      view = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return view && typeof view === 'object' && !Array.isArray(view) ? (view as Record<string, unknown>) : null;
}
