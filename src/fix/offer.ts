// The last check every fix passes before it is offered.
import type { Site } from '../rules/rule.js';
import type { SourceEdit, SourceFix } from './edit.js';
import { shiftsAlignedComments } from './source.js';

/** The fix, unless gofmt would then realign the comments of the edited lines. */
export function offered(site: Site, description: string, edits: SourceEdit[]): SourceFix | undefined {
  return shiftsAlignedComments(site.file, edits) ? undefined : { description, edits };
}
