// fail-on: the one rule that decides both the check run's conclusion and the step's exit.
import { atOrAbove, type Conclusion, type FailOn, type Reported } from '../findings.js';

export function conclusionOf(reported: readonly Reported[], failOn: FailOn): Conclusion {
  if (reported.some((r) => atOrAbove(r.finding.severity, failOn))) return 'failure';
  return reported.length > 0 ? 'neutral' : 'success';
}
