// Fixes as the rules make them: ranges of a parsed file's text and what
// replaces them. The engine turns them into the byte ranges a Finding carries.
import type { Fix, TextEdit } from '../findings.js';
import type { GoFile } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';

/** `[start, end)` of the file's text (string indices, as tree-sitter gives them) becomes `text`. */
export interface SourceEdit {
  file: GoFile;
  start: number;
  end: number;
  text: string;
}

export interface SourceFix {
  /** One line: what the fix does. */
  description: string;
  edits: SourceEdit[];
}

export const replaceNode = (file: GoFile, node: SyntaxNode, text: string): SourceEdit => ({ file, start: node.startIndex, end: node.endIndex, text });

export const insertAt = (file: GoFile, index: number, text: string): SourceEdit => ({ file, start: index, end: index, text });

export const insertBefore = (file: GoFile, node: SyntaxNode, text: string): SourceEdit => insertAt(file, node.startIndex, text);

/** The place of a string index: UTF-8 byte offset, 1-based line and column (columns count as the spans of findings do). */
function placeOf(source: string, index: number): { offset: number; line: number; column: number } {
  const before = source.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { offset: Buffer.byteLength(before), line, column: index - lineStart + 1 };
}

/** The fix as findings carry it, with paths as `pathOf` writes them. */
export function toFix(fix: SourceFix, pathOf: (file: string) => string): Fix {
  return {
    description: fix.description,
    edits: fix.edits.map((edit): TextEdit => {
      const start = placeOf(edit.file.source, edit.start);
      const end = placeOf(edit.file.source, edit.end);
      return {
        path: pathOf(edit.file.path),
        start: start.offset,
        end: end.offset,
        startLine: start.line,
        startColumn: start.column,
        endLine: end.line,
        endColumn: end.column,
        text: edit.text,
      };
    }),
  };
}
