import { runProcess } from './run-process.ts';

// `npm start`: the HTTP server and the queue workers in one process.
await runProcess({
  http: true,
  workers: true,
  describe: (bot) =>
    [
      `Bot listening on ${bot.config.publicUrl} (port ${bot.server?.address() && typeof bot.server.address() === 'object' ? (bot.server.address() as { port: number }).port : bot.config.port})`,
      bot.odoo.embedded ? `demo mode: embedded Odoo at ${bot.odoo.url} (db ${bot.odoo.db}, login ${bot.config.odoo.username}/${bot.config.odoo.mode === 'embedded' ? bot.config.odoo.password : '***'})` : `Odoo at ${bot.odoo.url} (db ${bot.odoo.db})`,
      `health: ${bot.config.publicUrl}/readyz, metrics: ${bot.config.publicUrl}/metrics`,
    ].join('; '),
});
