// Suppression comments: a reviewed finding is silenced where it is reported.
import type { Finding } from './findings.js';

const suppression = /\/\/\s*(?:nolint(?::([\w,-]+))?|finalizer-guard:ignore((?:\s+FG\d{3})*))(?=\s|$)/;

/**
 * `//nolint`, `//nolint:finalizerguard` or `//finalizer-guard:ignore FG002 why`
 * at the end of the finding's line, or alone on the line above (a comment
 * ending the line above belongs to that line, as golangci-lint reads it).
 */
export function isSuppressed(finding: Finding, lines: string[]): boolean {
  const above = lines[finding.line - 2];
  for (const line of [lines[finding.line - 1], above && /^\s*\/\//.test(above) ? above : undefined]) {
    const match = line && suppression.exec(line);
    if (!match) continue;
    if (match[0].includes('nolint')) {
      if (!match[1] || match[1].split(',').includes('finalizerguard')) return true;
      continue;
    }
    const ids = match[2]?.trim().split(/\s+/).filter(Boolean) ?? [];
    if (!ids.length || ids.includes(finding.ruleId)) return true;
  }
  return false;
}
