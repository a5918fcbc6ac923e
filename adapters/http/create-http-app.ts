import { createServer, type Server } from 'node:http';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Logger } from 'pino';
import { maskPathSecrets } from '../runtime/logger.ts';
import { laneThenExpress, openLane } from './fast-lane.ts';

/**
 * The one HTTP server of the bot. Routes register themselves on the returned app; the error
 * handler answers JSON with a stable code and never leaks stack traces.
 */
export function createHttpApp(logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ method: req.method, path: maskPathSecrets(req.path), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'http');
    });
    next();
  });
  return app;
}

/** Adds the 404 and error handlers and opens the fast lane; call after every route is registered. */
export function finishHttpApp(app: Express, logger: Logger): void {
  openLane(app);
  app.use((req, res) => {
    res.status(404).json({ error: 'not_found', message: `no route for ${req.method} ${maskPathSecrets(req.path)}` });
  });
  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const status = typeof err?.status === 'number' ? err.status : typeof err?.statusCode === 'number' ? err.statusCode : 500;
    if (status === 413) {
      res.status(413).json({ error: 'body_too_large', message: `the body is larger than ${err.limit ?? 'the limit'} bytes` });
      return;
    }
    if (status >= 400 && status < 500) {
      res.status(status).json({ error: err.type ?? 'bad_request', message: err.expose ? err.message : 'bad request' });
      return;
    }
    logger.error({ err, path: maskPathSecrets(req.path) }, 'request failed');
    res.status(500).json({ error: 'internal_error', message: 'the bot could not handle this request; it has been logged' });
  };
  app.use(onError);
}

export async function listen(app: Express, port: number, host?: string): Promise<Server> {
  const server = createServer(laneThenExpress(app));
  // Keep-alive longer than typical load balancers' idle timeouts, so they close first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  return server;
}
