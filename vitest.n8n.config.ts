import { defineConfig } from 'vitest/config';

// `npm run test:n8n`: the workflows under integrations/n8n run in a real n8n (installed by
// scripts/ensure-n8n.ts into a cache folder). Opt-in: not part of `npm test`.
export default defineConfig({
  test: {
    include: ['test-n8n/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
