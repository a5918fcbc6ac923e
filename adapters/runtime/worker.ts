import { runProcess } from './run-process.ts';

// `npm run worker`: queue workers only, so they scale out as separate processes on one Redis.
await runProcess({
  http: false,
  workers: true,
  describe: (bot) => `Workers running on queues writeback, notify, scan, triage (Redis prefix ${bot.config.redis.keyPrefix}, concurrency ${bot.config.workerConcurrency})`,
});
