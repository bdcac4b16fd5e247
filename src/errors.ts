/** A problem with what the user asked for (bad flag, missing path): exit 2, one line, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}
