// FG009's fix: keep the object alive until the call that uses its resource is done.
import type { GoFile } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';
import { insertAt, type SourceEdit, type SourceFix } from './edit.js';
import { offered } from './offer.js';
import { enclosingFunction, identifiersNamed, isSelected } from './source.js';

/** Statements after which control goes on to the next statement of the block. */
const simpleStatements = new Set(['expression_statement', 'assignment_statement', 'short_var_declaration', 'inc_statement', 'dec_statement', 'send_statement', 'var_declaration']);

/**
 * `runtime.KeepAlive(x)` on the line after the statement that makes the call,
 * as the runtime's documentation shows; a `return` gets a
 * `defer runtime.KeepAlive(x)` just before it, which runs once the returned
 * values are computed. Offered when the statement stands alone on its lines
 * in a block, and the file can name the runtime package (imported, or
 * importable without clashing with a name the function uses).
 */
export function keepAliveAfter(file: GoFile, statement: SyntaxNode, variable: string): SourceFix | undefined {
  const line = lineOf(file, statement);
  const rest = file.source.slice(statement.endIndex, line.end).trim();
  if (statement.parent?.type !== 'statement_list' || line.indent === undefined || (rest && !rest.startsWith('//'))) return undefined;
  const runtime = runtimeName(file, statement);
  if (!runtime) return undefined;
  const edits: SourceEdit[] = runtime.importEdit ? [runtime.importEdit] : [];
  const keepAlive = `${runtime.name}.KeepAlive(${variable})`;
  if (statement.type === 'return_statement') edits.push(insertAt(file, statement.startIndex, `defer ${keepAlive}\n${line.indent}`));
  else if (simpleStatements.has(statement.type)) edits.push(insertAt(file, line.end, `\n${line.indent}${keepAlive}`));
  else return undefined;
  return offered(file, `keep ${variable} alive until the call returns: ${keepAlive}`, edits);
}

/** The name the file imports the runtime package as, or `runtime` with the edit that imports it. */
function runtimeName(file: GoFile, at: SyntaxNode): { name: string; importEdit?: SourceEdit } | undefined {
  const imported = [...file.imports].find(([, path]) => path === 'runtime')?.[0];
  if (imported === '_' || imported === '.' || file.dotImports.length) return undefined;
  const name = imported ?? 'runtime';
  // A local of that name would shadow the package in the function.
  const fn = enclosingFunction(at);
  if (!fn || identifiersNamed(fn, name).some((id) => !isSelected(id))) return undefined;
  if (imported) return { name };
  const importEdit = importRuntime(file);
  return importEdit && { name, importEdit };
}

/**
 * `"runtime"` where gofmt keeps it: in sorted place in the first run (up to
 * a blank line) of the first parenthesized import list; or a single import
 * other than cgo's becomes a list of it and "runtime"; or a declaration of
 * its own after the imports (or the package clause). A list with comments is
 * left alone: gofmt moves comments with the specs it sorts.
 */
function importRuntime(file: GoFile): SourceEdit | undefined {
  const root = file.tree.rootNode;
  const declarations = root.namedChildren.filter((n): n is SyntaxNode => n?.type === 'import_declaration');
  const path = (spec: SyntaxNode) => spec.childForFieldName('path')?.text.slice(1, -1) ?? '';
  const list = declarations.map((d) => d.namedChildren.find((c) => c?.type === 'import_spec_list')).find((l): l is SyntaxNode => !!l);
  if (list) {
    const specs = list.namedChildren.filter((c): c is SyntaxNode => c?.type === 'import_spec');
    if (!specs.length || list.namedChildren.some((c) => c?.type === 'comment')) return undefined;
    const gap = specs.findIndex((spec, i) => i > 0 && spec.startPosition.row - specs[i - 1]!.endPosition.row > 1);
    const run = gap < 0 ? specs : specs.slice(0, gap);
    const next = run.find((spec) => path(spec) > 'runtime');
    const line = lineOf(file, next ?? run.at(-1)!);
    if (line.indent === undefined) return undefined;
    return next ? insertAt(file, line.start, `${line.indent}"runtime"\n`) : insertAt(file, line.end, `\n${line.indent}"runtime"`);
  }
  const single = [...declarations].reverse().find((d) => d.namedChildren[0]?.type === 'import_spec' && path(d.namedChildren[0]) !== 'C');
  if (single) {
    const spec = single.namedChildren[0]!;
    const specs = path(spec) < 'runtime' ? [spec.text, '"runtime"'] : ['"runtime"', spec.text];
    return { file, start: single.startIndex, end: single.endIndex, text: `import (\n${specs.map((s) => `\t${s}\n`).join('')})` };
  }
  const last = declarations.at(-1) ?? root.namedChildren.find((n) => n?.type === 'package_clause');
  return last ? insertAt(file, last.endIndex, '\n\nimport "runtime"') : undefined;
}

/** The line a node starts on, where it ends (before its newline), and its indentation when the node is the first thing on it. */
function lineOf(file: GoFile, node: SyntaxNode): { start: number; end: number; indent?: string } {
  const start = file.source.lastIndexOf('\n', node.startIndex - 1) + 1;
  const newline = file.source.indexOf('\n', node.endIndex);
  const indent = file.source.slice(start, node.startIndex);
  return { start, end: newline < 0 ? file.source.length : newline, indent: /\S/.test(indent) ? undefined : indent };
}
