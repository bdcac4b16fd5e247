// --format rdjson: reviewdog's diagnostic format (one JSON document, "rdjson"),
// so that reviewdog can post the findings as review comments: each with its
// place, severity, rule and rule page, and the places of its reference path.
import { compareFindings, type Finding, type Severity } from '../findings.js';
import type { RuleMeta } from '../rules/rule.js';
import { ruleDocUrl } from './sarif.js';

const severities: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', notice: 'INFO' };

export interface RdjsonOptions {
  toolUrl: string;
  /** Address of docs/rules.md: each code's url is its section there. */
  rulesUri: string;
}

export function formatRdjson(findings: Finding[], catalog: readonly RuleMeta[], options: RdjsonOptions): string {
  const ruleUrls = new Map(catalog.map((meta) => [meta.id, ruleDocUrl(options.rulesUri, meta)]));
  const diagnostics = [...findings].sort(compareFindings).map((f) => ({
    message: f.message,
    location: { path: f.path, range: { start: { line: f.line, column: f.column }, end: { line: f.endLine, column: f.endColumn } } },
    severity: severities[f.severity],
    code: { value: f.ruleId, url: ruleUrls.get(f.ruleId) ?? options.rulesUri },
    related_locations: f.related.map((r) => ({ message: r.message, location: { path: r.path, range: { start: { line: r.line, column: r.column } } } })),
    // reviewdog applies a suggestion to the diagnostic's file: a fix that edits another file is not offered.
    ...(f.fix && f.fix.edits.every((e) => e.path === f.path)
      ? { suggestions: f.fix.edits.map((e) => ({ range: { start: { line: e.startLine, column: e.startColumn }, end: { line: e.endLine, column: e.endColumn } }, text: e.text })) }
      : {}),
  }));
  return JSON.stringify({ source: { name: 'finalizer-guard', url: options.toolUrl }, diagnostics }, null, 2) + '\n';
}
