// --format checkstyle: Checkstyle's XML, which CI servers, code review tools
// and reviewdog (-f=checkstyle) read: one <file> a path, one <error> a finding.
import { compareByPlace, type Finding, type Severity } from '../findings.js';

const severities: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'info' };

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
/** What XML 1.0 cannot hold at all, even as a reference: other C0 controls, lone surrogates, U+FFFE and U+FFFF. */
const unrepresentable = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** An attribute value that reads back as the text, but for characters XML cannot hold, which become Go escapes (\x01). */
function attribute(text: string): string {
  return text
    .replace(unrepresentable, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/[&<>"\t\n\r]/g, (c) => entities[c]!);
}

export function formatCheckstyle(findings: Finding[], toolVersion: string): string {
  const byFile = new Map<string, Finding[]>();
  for (const f of [...findings].sort(compareByPlace)) {
    const list = byFile.get(f.path);
    if (list) list.push(f);
    else byFile.set(f.path, [f]);
  }
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="${attribute(toolVersion)}">\n`;
  for (const [path, list] of byFile) {
    out += `  <file name="${attribute(path)}">\n`;
    for (const f of list) {
      out += `    <error line="${f.line}" column="${f.column}" severity="${severities[f.severity]}" message="${attribute(f.message)}" source="finalizer-guard.${f.ruleId}"/>\n`;
    }
    out += '  </file>\n';
  }
  return out + '</checkstyle>\n';
}
