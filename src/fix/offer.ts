// The last check every fix passes before it is offered.
import type { GoFile } from '../model/package.js';
import type { SourceEdit, SourceFix } from './edit.js';
import { shiftsAlignedComments } from './source.js';

/** The fix, unless gofmt would then realign the comments of the edited lines. */
export function offered(file: GoFile, description: string, edits: SourceEdit[]): SourceFix | undefined {
  return shiftsAlignedComments(file, edits) ? undefined : { description, edits };
}
