// Matches an engine's findings against a fixture's wants.
import type { Finding } from '../../src/findings.js';
import { wantKey, type Want } from './wants.js';

export interface Mismatch {
  /** Wanted, not reported. */
  missing: Want[];
  /** Reported, not wanted (a second finding for one want counts here too). */
  unexpected: Finding[];
}

/** One finding per want, matched on (file, line, rule id). */
export function compareFindings(wants: readonly Want[], findings: readonly Pick<Finding, 'path' | 'line' | 'ruleId'>[]): Mismatch {
  const open = new Map<string, Want[]>();
  for (const w of wants) {
    const list = open.get(wantKey(w)) ?? [];
    list.push(w);
    open.set(wantKey(w), list);
  }
  const unexpected: Finding[] = [];
  for (const f of findings) {
    const list = open.get(wantKey({ file: f.path, line: f.line, ruleId: f.ruleId }));
    if (list && list.length > 0) list.pop();
    else unexpected.push(f as Finding);
  }
  const missing = [...open.values()].flat();
  return { missing, unexpected };
}

export function describeMismatch(fixture: string, m: Mismatch): string {
  const lines = [`fixture ${fixture}:`];
  if (m.missing.length) {
    lines.push('  missing (wanted, not reported):');
    for (const w of m.missing) lines.push(`    ${wantKey(w)}`);
  }
  if (m.unexpected.length) {
    lines.push('  unexpected (reported, not wanted):');
    for (const u of m.unexpected) lines.push(`    ${u.path}:${u.line} ${u.ruleId}${u.message ? ` ${u.message}` : ''}`);
  }
  return lines.join('\n');
}
