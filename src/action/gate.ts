// fail-on: the one rule that decides both the check run's conclusion and the step's exit.
import { atOrAbove, type FailOn } from '../findings.js';
import type { Reported } from './filter.js';

export type Conclusion = 'success' | 'neutral' | 'failure';

export function conclusionOf(reported: readonly Reported[], failOn: FailOn): Conclusion {
  if (reported.some((r) => atOrAbove(r.finding.severity, failOn))) return 'failure';
  return reported.length > 0 ? 'neutral' : 'success';
}
