// What a fix must know of the code around it: the uses of a local name in
// its function, and whether an edited line is aligned with its neighbours.
import type { GoFile } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { SourceEdit } from './edit.js';

const functionTypes = ['function_declaration', 'method_declaration'];

/** The top-level function or method a node is in (closures included in it). */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let at: SyntaxNode | null = node; at; at = at.parent) if (functionTypes.includes(at.type)) return at;
  return undefined;
}

/** Every identifier spelled `name` in the function: declarations, uses, and whatever else (a key of a composite literal). */
export function identifiersNamed(fn: SyntaxNode, name: string): SyntaxNode[] {
  return fn.descendantsOfType('identifier').filter((n): n is SyntaxNode => !!n && n.text === name);
}

/** `x` as the operand of `x.f` or `x.m(...)`. */
export function isSelected(identifier: SyntaxNode): boolean {
  const parent = identifier.parent;
  return parent?.type === 'selector_expression' && parent.childForFieldName('operand')?.id === identifier.id;
}

/** `&x`: the unary expression whose operand the identifier is. */
export function addressOf(identifier: SyntaxNode): SyntaxNode | undefined {
  const parent = identifier.parent;
  return parent?.type === 'unary_expression' && parent.child(0)?.type === '&' && parent.childForFieldName('operand')?.id === identifier.id ? parent : undefined;
}

/**
 * Whether the edits change the length of a line whose end-of-line comment
 * gofmt aligns with a comment on the line above or below: the comments would
 * then need realigning, which a fix does not do, so none is offered.
 */
export function shiftsAlignedComments(file: GoFile, edits: readonly SourceEdit[]): boolean {
  const trailing = new Set<number>();
  for (const comment of file.tree.rootNode.descendantsOfType('comment')) {
    if (!comment) continue;
    const lineStart = file.source.lastIndexOf('\n', comment.startIndex - 1) + 1;
    if (file.source.slice(lineStart, comment.startIndex).trim()) trailing.add(comment.startPosition.row);
  }
  return edits.some((edit) => {
    const row = file.source.slice(0, edit.start).split('\n').length - 1;
    return edit.end - edit.start !== edit.text.length && trailing.has(row) && (trailing.has(row - 1) || trailing.has(row + 1));
  });
}
