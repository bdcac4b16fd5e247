// SARIF 2.1.0 for GitHub code scanning: the subset GitHub reads, within the
// limits it enforces on upload (results per run, locations per result).
// Results carry no fingerprints: upload-sarif computes primaryLocationLineHash,
// the one GitHub matches alerts by, from the checked-out source.
import type { Lang } from '../engine.js';
import { compareFindings, type Finding, type Fix, type Severity } from '../findings.js';
import { remediation, remediationMarkdown, ruleExplanation } from '../rules/remediation.js';
import type { RuleMeta } from '../rules/rule.js';

export interface SarifOptions {
  lang: Lang;
  goVersion?: string;
  toolVersion: string;
  informationUri?: string;
  /** Address of docs/rules.md; each rule's helpUri is its section there. */
  rulesUri?: string;
  /** Code scanning's category (runs[].automationDetails.id): uploads of one category replace each other's alerts. */
  category?: string;
  /** Set when only part of the code was analyzed: says which part, for the run's notifications. */
  partial?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifText {
  text: string;
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

interface SarifLocation {
  id?: number;
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
    region: SarifRegion;
  };
  message?: SarifText;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifText;
  fullDescription: SarifText;
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: 'very-high' | 'high' | 'medium' | 'low'; 'problem.severity': ProblemSeverity };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifText;
  locations: [SarifLocation];
  relatedLocations?: SarifLocation[];
  fixes?: SarifFix[];
}

/** A fix as SARIF writes one: per file, the regions deleted and the text put in their place (an empty region inserts). */
interface SarifFix {
  description: SarifText;
  artifactChanges: {
    artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
    replacements: { deletedRegion: Required<SarifRegion>; insertedContent: SarifText }[];
  }[];
}

interface SarifNotification {
  level: SarifLevel;
  message: SarifText;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; version: string; informationUri?: string; rules: SarifRule[] } };
      automationDetails?: { id: string };
      results: SarifResult[];
      invocations?: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[];
      properties?: { partial: true };
    },
  ];
}

const schema = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

// GitHub rejects a run with more than 25,000 results, and shows at most 100
// locations of a result; the rest would only make the upload bigger.
const maxResults = 25_000;
const maxRelated = 100;

const levels: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' };

// What code scanning shows as the alert's severity for a tool that is not about security.
type ProblemSeverity = 'error' | 'warning' | 'recommendation';
const problemSeverities: Record<Severity, ProblemSeverity> = { error: 'error', warning: 'warning', notice: 'recommendation' };

// How often a finding of the rule is a real problem; GitHub uses it to rank alerts.
const precision: Record<string, SarifRule['properties']['precision']> = {
  FG000: 'very-high',
  FG001: 'high',
  FG002: 'medium',
  FG003: 'high',
  FG004: 'high',
  FG005: 'high',
  FG006: 'high',
  FG007: 'medium',
  FG008: 'high',
  FG009: 'medium',
};

const tags: Record<string, string[]> = {
  FG000: ['go', 'syntax'],
  FG001: ['go', 'finalizer', 'memory-leak', 'reliability'],
  FG002: ['go', 'finalizer', 'memory-leak', 'reliability'],
  FG003: ['go', 'finalizer', 'memory-leak', 'reliability'],
  FG004: ['go', 'finalizer', 'crash', 'reliability'],
  FG005: ['go', 'finalizer', 'crash', 'reliability'],
  FG006: ['go', 'cleanup', 'memory-leak', 'reliability'],
  FG007: ['go', 'finalizer', 'reliability'],
  FG008: ['go', 'finalizer', 'crash', 'reliability'],
  FG009: ['go', 'finalizer', 'use-after-free', 'reliability'],
};

const relatedLabel: Record<Lang, string> = { en: 'Related locations:', ru: 'Связанные места:' };

/** A relative URI reference with forward slashes; a stray absolute root is dropped so the upload stays valid. */
function toUri(path: string): string {
  const relative = path
    .replace(/\\/g, '/')
    .replace(/^[A-Za-z]:/, '')
    .replace(/^\/+/, '')
    .replace(/^(?:\.\/)+/, '');
  return relative.split('/').map(encodeURIComponent).join('/');
}

function region(f: Finding): SarifRegion {
  const start = { startLine: f.line, startColumn: f.column };
  // SARIF forbids an end before the start; such a span keeps only its start.
  const endsAfterStart = f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column);
  return endsAfterStart ? { ...start, endLine: f.endLine, endColumn: f.endColumn } : start;
}

function sarifFix(fix: Fix): SarifFix {
  const paths = [...new Set(fix.edits.map((e) => e.path))];
  return {
    description: { text: fix.description },
    artifactChanges: paths.map((path) => ({
      artifactLocation: { uri: toUri(path), uriBaseId: '%SRCROOT%' },
      replacements: fix.edits
        .filter((e) => e.path === path)
        .map((e) => ({
          deletedRegion: { startLine: e.startLine, startColumn: e.startColumn, endLine: e.endLine, endColumn: e.endColumn },
          insertedContent: { text: e.text },
        })),
    })),
  };
}

function physical(path: string, where: SarifRegion): SarifLocation['physicalLocation'] {
  return { artifactLocation: { uri: toUri(path), uriBaseId: '%SRCROOT%' }, region: where };
}

/** Brackets and backslashes escaped, as plain-text SARIF messages want, so Go source never reads as a link. */
function plainText(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => '\\' + c);
}

/** A rule's section of docs/rules.md at `rulesUri`: the anchor GitHub gives the heading "## FG001 finalizer-cycle". */
export function ruleDocUrl(rulesUri: string, meta: Pick<RuleMeta, 'id' | 'name'>): string {
  return `${rulesUri}#${`${meta.id}-${meta.name}`.toLowerCase()}`;
}

function descriptor(meta: RuleMeta, options: SarifOptions): SarifRule {
  const texts = { lang: options.lang, goVersion: options.goVersion };
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: meta.summary },
    fullDescription: { text: ruleExplanation(meta.id, options.lang) },
    ...(options.rulesUri ? { helpUri: ruleDocUrl(options.rulesUri, meta) } : {}),
    help: { text: remediation(meta.id, texts), markdown: remediationMarkdown(meta.id, texts) },
    defaultConfiguration: { level: levels[meta.severity] },
    properties: { tags: tags[meta.id], precision: precision[meta.id], 'problem.severity': problemSeverities[meta.severity] },
  };
}

/** Code scanning reads the category as everything up to the id's last slash. */
function automationId(category: string): string {
  return category.endsWith('/') ? category : `${category}/`;
}

/** The SARIF log as an object; throws if a finding names a rule missing from `rules`. */
export function toSarif(findings: Finding[], rules: RuleMeta[], options: SarifOptions): SarifLog {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sorted = [...findings].sort(compareFindings);
  const kept = sorted.slice(0, maxResults);

  const results = kept.map((f): SarifResult => {
    const index = ruleIndex.get(f.ruleId);
    if (index === undefined) throw new Error(`finding of unknown rule ${f.ruleId}`);
    const shown = f.related.slice(0, maxRelated);
    const related = shown.map(
      (r, i): SarifLocation => ({
        id: i + 1,
        physicalLocation: physical(r.path, { startLine: r.line, startColumn: r.column }),
        message: { text: r.message },
      }),
    );
    // GitHub links related locations only when the message embeds them.
    const links = shown.map((r, i) => `[${plainText(r.message)}](${i + 1})`);
    const text = links.length ? `${plainText(f.message)}\n${relatedLabel[options.lang]} ${links.join(', ')}` : plainText(f.message);
    return {
      ruleId: f.ruleId,
      ruleIndex: index,
      level: levels[f.severity],
      message: { text },
      locations: [{ physicalLocation: physical(f.path, region(f)) }],
      ...(related.length ? { relatedLocations: related } : {}),
      ...(f.fix ? { fixes: [sarifFix(f.fix)] } : {}),
    };
  });

  const omitted = sorted.length - kept.length;
  const notifications: SarifNotification[] = [];
  if (options.partial) notifications.push({ level: 'note', message: { text: `Partial analysis: ${options.partial}.` } });
  if (omitted > 0) {
    notifications.push({
      level: 'warning',
      message: { text: `Code scanning accepts at most ${maxResults} results per run; the ${omitted} least severe findings were left out.` },
    });
  }
  const driver = {
    name: 'finalizer-guard',
    version: options.toolVersion,
    ...(options.informationUri ? { informationUri: options.informationUri } : {}),
    rules: rules.map((rule) => descriptor(rule, options)),
  };
  return {
    $schema: schema,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        ...(options.category ? { automationDetails: { id: automationId(options.category) } } : {}),
        results,
        ...(notifications.length ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] } : {}),
        ...(options.partial ? { properties: { partial: true as const } } : {}),
      },
    ],
  };
}

/** The SARIF log as indented JSON ending in a newline. */
export function formatSarif(findings: Finding[], rules: RuleMeta[], options: SarifOptions): string {
  return JSON.stringify(toSarif(findings, rules, options), null, 2) + '\n';
}
