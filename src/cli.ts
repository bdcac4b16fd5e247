// Entry of the finalizer-guard command (dist/cli.js).
import { runCli } from './cli/command.js';

/** Writes that report their failure (EPIPE, ENOSPC) to the caller, which decides, instead of crashing the process. */
function writerOf(stream: NodeJS.WriteStream): (text: string) => Promise<void> {
  // Each write's callback gets its error; this listener keeps the same error from also ending the process with a stack trace.
  stream.on('error', () => {});
  return (text) => new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

const writeErr = writerOf(process.stderr);
process.exitCode = await runCli(process.argv.slice(2), writerOf(process.stdout), (s) => {
  // Standard error is the last resort: when it cannot be written, nothing can be said.
  writeErr(s).catch(() => {});
});
