import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests open real loopback servers; a generous timeout keeps 2-core CI machines from flaking.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
