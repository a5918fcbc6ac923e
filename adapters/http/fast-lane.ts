import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';

/**
 * A route of the fast lane: takes the request (answers it, or hands it on with `toExpress`) and
 * returns true, or returns false at once, without reading anything, to leave it to express.
 */
export type LaneRoute = (req: IncomingMessage, res: ServerResponse, toExpress: () => void) => boolean;

interface Lane {
  routes: LaneRoute[];
  open: boolean;
}

const lanes = new WeakMap<Express, Lane>();

function laneOf(app: Express): Lane {
  let lane = lanes.get(app);
  if (!lane) lanes.set(app, (lane = { routes: [], open: false }));
  return lane;
}

/**
 * The bot's two hot paths (Slack clicks, Odoo webhooks) run in front of express, on node:http's
 * request and response: express's router, per-request middleware, res.json (ETag, content type
 * lookup) and body-parser cost more CPU than the signature check, the parse and the Redis round
 * trip together (measured with --cpu-prof: `npm run bench -- webhook-intake approval-clicks`).
 * Every route registered here keeps its express twin, which takes whatever the lane declines.
 */
export function addLaneRoute(app: Express, route: LaneRoute): void {
  laneOf(app).routes.push(route);
}

/** Opens the lane once every route is mounted (finishHttpApp); until then express answers all (503 `starting`). */
export function openLane(app: Express): void {
  laneOf(app).open = true;
}

/** The server's request listener: the lane's routes first, then express. */
export function laneThenExpress(app: Express): (req: IncomingMessage, res: ServerResponse) => void {
  const lane = laneOf(app);
  return (req, res) => {
    if (lane.open) {
      const toExpress = () => void app(req as Parameters<Express>[0], res as Parameters<Express>[1]);
      for (const route of lane.routes) if (route(req, res, toExpress)) return;
    }
    void app(req as Parameters<Express>[0], res as Parameters<Express>[1]);
  };
}

/** Thrown (as a value) when a body is over its limit. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the body is larger than ${limit} bytes`);
  }
}

/**
 * Reads a request body into one Buffer, at most `limit` bytes (a larger Content-Length is refused
 * before reading). The request is marked as read, so express's body parsers (which skip a finished
 * request) keep `req.body` as set by the caller when the request is handed on.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume();
      fail(new BodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        fail(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => ok(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.once('error', fail);
  });
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Answers JSON the way express's res.json does (content type, length), without its ETag work. */
export function sendJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** An empty 200, the ack Slack expects. */
export function sendEmpty(res: ServerResponse, status = 200): void {
  res.writeHead(status, { 'content-length': '0' });
  res.end();
}
