// Tests spawn the built CLI and Action as child processes; on a busy machine a
// spawn can take seconds, which is not a failure of what the test checks.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 120_000 } });
