// filter-mode: which findings a change is answerable for, and where to show them.
import { hasLine, type ChangeSet, type Lines } from './changes.js';
import type { FilterMode } from './inputs.js';
import type { PathFilter } from '../discover/glob.js';
import { compareFindings, type Finding, type Reported } from '../findings.js';

export interface Selection {
  /** Most severe first, then by the place of the annotation. */
  reported: Reported[];
  /** Findings of the analyzed packages that the change is not answerable for. */
  outside: number;
  /** Findings in files the `paths` input leaves out. */
  excluded: number;
}

const atCallSite = (finding: Finding): Reported => ({ finding, anchor: finding });

/**
 * Keeps the findings that touch the change. `changes` undefined means a full
 * scan: every finding is kept. Paths are repo-relative on both sides.
 */
export function selectFindings(
  findings: readonly Finding[],
  changes: ChangeSet | undefined,
  mode: FilterMode,
  keep: PathFilter,
): Selection {
  const selection: Selection = { reported: [], outside: 0, excluded: 0 };
  for (const finding of findings) {
    const picked = changes === undefined || mode === 'nofilter' ? atCallSite(finding) : pick(finding, changes, mode);
    if (!picked) selection.outside++;
    else if (!keep(picked.anchor.path)) selection.excluded++;
    else selection.reported.push(picked);
  }
  selection.reported.sort((a, b) => compareFindings({ ...a.finding, ...a.anchor }, { ...b.finding, ...b.anchor }));
  return selection;
}

function pick(finding: Finding, changes: ChangeSet, mode: Exclude<FilterMode, 'nofilter'>): Reported | undefined {
  const lines = (path: string): Lines | undefined => {
    const file = changes.files.get(path);
    if (!file) return undefined;
    return mode === 'file' ? 'all' : mode === 'added' ? file.added : file.context;
  };
  const touches = (path: string, from: number, to: number) => {
    const changed = lines(path);
    if (!changed) return false;
    for (let line = from; line <= to; line++) if (hasLine(changed, line)) return true;
    return false;
  };
  if (touches(finding.path, finding.line, finding.endLine)) return atCallSite(finding);
  const via = finding.related.find((r) => touches(r.path, r.line, r.line));
  if (!via) return undefined;
  return {
    finding,
    anchor: { path: via.path, line: via.line, column: via.column, endLine: via.line, endColumn: via.column },
    via,
  };
}
