// Entry of the finalizer-guard command (dist/cli.js).
import { runCli } from './cli/command.js';

process.exitCode = await runCli(
  process.argv.slice(2),
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
);
