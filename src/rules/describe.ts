// Shared wording and lookups for the rules: how to name the finalized object,
// and the related locations a reference path runs through.
import type { Edge, HeapObject } from '../analysis/heap.js';
import { typeName } from '../model/types.js';
import type { RelatedNode, Site } from './rule.js';
import type { SyntaxNode } from '../parse/parser.js';
import { inline } from '../parse/inline.js';

/** "foo (*Foo)": the first argument as written, with its static type when known. */
export function describeArgument(site: Site, index: number): string {
  const arg = site.args[index];
  const text = arg ? inline(arg) : '?';
  const type = site.evaluations[0]?.argTypes[index];
  return type && type.kind !== 'unknown' ? `${text} (${typeName(type)})` : text;
}

/** The assignments and field declarations along a path, for related locations. */
export function relatedAlong(edges: Edge[]): RelatedNode[] {
  const related: RelatedNode[] = [];
  for (const edge of edges) {
    const statement = firstLine(edge.node.text);
    related.push({ node: edge.node, file: edge.file, message: `${edge.via}: ${statement}` });
    if (edge.field) related.push({ node: edge.field.node, file: edge.field.file, message: `field ${edge.via} declared here` });
  }
  return related;
}

/** What the call attaches: a finalizer (SetFinalizer) or a cleanup (AddCleanup). */
export function hookNoun(site: Site): string {
  return site.kind === 'AddCleanup' ? 'cleanup' : 'finalizer';
}

/**
 * "a" or "an" as the word is spoken: "an 8-byte", "an 11-byte", "a 16-byte",
 * "an int", "a uint".
 */
export function withArticle(phrase: string): string {
  const number = /^\d+/.exec(phrase)?.[0];
  let vowel: boolean;
  if (number) {
    // Spoken in groups of three digits: the first group decides (eight..., eleven..., eighteen...).
    const lead = number.slice(0, ((number.length - 1) % 3) + 1);
    vowel = lead.startsWith('8') || lead === '11' || lead === '18';
  } else {
    vowel = /^[aeiou]/i.test(phrase) && !/^u(int|ni|s)/i.test(phrase);
  }
  return `${vowel ? 'an' : 'a'} ${phrase}`;
}

export function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 80 ? line.slice(0, 77) + '...' : line;
}

/** Every (evaluation, object) pair for the argument at `index`, skipping values the code does not show. */
export function* argumentObjects(site: Site, index: number): Generator<{ objects: HeapObject[]; evaluation: Site['evaluations'][number] }> {
  for (const evaluation of site.evaluations) {
    const objects = (evaluation.argObjects[index] ?? []).filter((o) => o.kind !== 'opaque');
    if (objects.length) yield { objects, evaluation };
  }
}

/** A function argument as a path names it: "func literal", or the expression (`b.release`). */
export function nameOfFunction(node: SyntaxNode): string {
  return node.type === 'func_literal' ? 'func literal' : inline(node);
}

/**
 * The package-level variable an address points into (`&g`, `&g.f`, `&g[i]`),
 * when the name is not shadowed: such memory is not on the heap.
 */
export function addressedPackageVariable(site: Site, arg: SyntaxNode): string | undefined {
  if (arg.type !== 'unary_expression' || arg.child(0)?.type !== '&') return undefined;
  let root = arg.childForFieldName('operand');
  while (root?.type === 'selector_expression' || root?.type === 'index_expression' || root?.type === 'parenthesized_expression') {
    root = root.type === 'parenthesized_expression' ? root.namedChild(0) : root.childForFieldName('operand');
  }
  return root?.type === 'identifier' && isPackageVariable(site, root.text) ? root.text : undefined;
}

/** A name that means the package-level variable at the call, not a local that shadows it. */
export function isPackageVariable(site: Site, name: string): boolean {
  const local = site.evaluations[0]?.scope.lookup(name);
  return site.pkg.vars.has(name) && !(local && !local.global);
}
