import { defineConfig } from 'vitest/config';

// Many tests spawn the built CLI or Action as a child process; on a busy
// 2-core machine one spawn can take seconds, so the default 5 s is too tight.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
