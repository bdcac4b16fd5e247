// --format github: the findings as workflow commands, for the CLI run as a
// step of a workflow (the Action does this itself when it cannot make a check
// run). The runner turns each line into an annotation on the finding's line;
// it shows at most 10 a level, and a closing warning counts the rest.
import type { Lang } from '../engine.js';
import { compareFindings, type Finding } from '../findings.js';
import { planAnnotations, type CommandAnnotation } from './annotations.js';

// The runner's escaping: data may not hold a line break, a property neither a colon nor a comma.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The property names of the command, for the names @actions/core's AnnotationProperties use. */
const propertyNames: Record<string, string> = { title: 'title', file: 'file', startLine: 'line', endLine: 'endLine', startColumn: 'col', endColumn: 'endColumn' };

function command({ level, message, properties }: CommandAnnotation): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${propertyNames[name] ?? name}=${escapeProperty(String(value))}`);
  return `::${level}${props.length > 0 ? ' ' + props.join(',') : ''}::${escapeData(message)}\n`;
}

export function formatGithub(findings: Finding[], lang: Lang): string {
  const reported = [...findings].sort(compareFindings).map((finding) => ({ finding, anchor: finding }));
  const { shown, note } = planAnnotations(reported, 0, lang, 'Run with --format text to list all.');
  return shown.map(command).join('') + (note ? command({ level: 'warning', message: note, properties: {} }) : '');
}
