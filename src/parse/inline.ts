// Source text and types on one line, as messages show them: comments dropped,
// line breaks folded, a struct or interface type in gofmt's one-line form.
import type { SyntaxNode } from './parser.js';

/** Longer source text in a message is cut here. */
const inlineLimit = 60;

/** A struct or interface type longer than this shows only the members that fit. */
const membersLimit = 40;

/** Deeper than this, source is shown as `...`: it could not fit in a message, and hostile code nests as deep as it likes. */
const inlineDepth = 40;

/**
 * `struct{ a int; b *T }`, as gofmt prints a struct type on one line; the
 * members past what fits in a short type become `...`, so the type reads
 * `struct{ mu sync.Mutex; ... }` in a message, not one field a line.
 */
export function membersOnOneLine(keyword: 'struct' | 'interface', members: string[]): string {
  if (!members.length) return `${keyword}{}`;
  const shown: string[] = [];
  for (const member of members) {
    if (`${keyword}{ ${[...shown, member].join('; ')} }`.length > membersLimit) {
      shown.push('...');
      break;
    }
    shown.push(member);
  }
  return `${keyword}{ ${shown.join('; ')} }`;
}

/**
 * Source as written, on one line: comments dropped, line breaks and
 * indentation folded into single spaces, so a `path:line:col:` message stays
 * one line; a struct or interface type reads as gofmt writes it on one line.
 */
export function inline(node: SyntaxNode): string {
  let shown = inlined.get(node);
  if (shown === undefined) {
    const text = inlineText(node);
    inlined.set(node, (shown = text.length > inlineLimit ? text.slice(0, inlineLimit - 3) + '...' : text));
  }
  return shown;
}

/** What inline() made of each node: the interpreter labels the objects of a body again each time it runs it. */
const inlined = new WeakMap<SyntaxNode, string>();

function inlineText(node: SyntaxNode, depth = 0): string {
  if (node.type === 'comment') return '';
  if (!node.childCount) return node.text;
  if (depth > inlineDepth) return '...';
  if (node.type === 'struct_type') {
    const list = node.namedChildren.find((c) => c?.type === 'field_declaration_list');
    return membersOnOneLine('struct', members(list ?? undefined, depth));
  }
  if (node.type === 'interface_type') return membersOnOneLine('interface', members(node, depth));
  return fold(node, depth);
}

/** The one-line texts of a struct's fields or an interface's elements, as many as could fit. */
function members(list: SyntaxNode | undefined, depth: number): string[] {
  const texts: string[] = [];
  for (const member of list?.namedChildren ?? []) {
    const text = member ? inlineText(member, depth + 1) : '';
    if (text) texts.push(text);
    if (texts.join('; ').length > membersLimit) break;
  }
  return texts;
}

/** The children's one-line texts, one space where the source has blanks or line breaks between them, until past the limit. */
function fold(node: SyntaxNode, depth: number): string {
  // A composite literal's braces hug their elements, as gofmt writes `T{a: 1}`.
  const opening = node.type === 'literal_value' ? /[([{]$/ : /[([]$/;
  const closing = node.type === 'literal_value' ? /^[)\]}]/ : /^[)\]]/;
  let out = '';
  let end = node.startIndex;
  for (const child of node.children) {
    if (!child) continue;
    if (out.length > inlineLimit) break;
    const text = inlineText(child, depth + 1);
    if (!text) continue;
    // A trailing comma before a closing bracket on its own line goes with the line break.
    if (/^[)\]}]/.test(text) && child.startIndex > end && out.endsWith(',')) out = out.slice(0, -1);
    if (child.startIndex > end && out && !opening.test(out) && !closing.test(text)) out += ' ';
    out += text;
    end = child.endIndex;
  }
  return out;
}
