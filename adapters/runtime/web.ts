import { runProcess } from './run-process.ts';

// `npm run web`: the HTTP server only (Slack, Teams, webhooks, health), for deployments that run
// web and worker processes apart: clicks are acked and queued here, and `npm run worker` does the work.
await runProcess({
  http: true,
  workers: false,
  describe: (bot) => `Web process listening on ${bot.config.publicUrl}; jobs go to Redis (prefix ${bot.config.redis.keyPrefix}) for \`npm run worker\``,
});
