import { layout, typeName, underlying } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { Rule, Site } from './rule.js';
import { addressedPackageVariable, inline, withArticle } from './describe.js';
import { tinyAllocatorLimit } from './fg007-finalizer-may-never-run.js';

/**
 * FG004 finalizer-bad-object: the first argument of SetFinalizer is not a
 * pointer to the start of an allocation: nil, a struct or other non-pointer
 * value (the article's own CString example), or a pointer to a field that is
 * not the first (`&s.inner`). The runtime throws ("first argument is T, not
 * pointer", "pointer not at beginning of allocated block"); recover cannot
 * catch it, the program dies.
 */
export const finalizerBadObject: Rule = {
  id: 'FG004',
  name: 'finalizer-bad-object',
  severity: 'error',
  summary: 'The first argument is not a pointer to the start of an allocation; the program dies at the call.',
  kinds: ['SetFinalizer'],
  fatal: true,
  checksRemoval: true,
  check(site) {
    const arg = site.args[0];
    if (!arg) return undefined;
    if (arg.type === 'nil') {
      return { message: 'the first argument of runtime.SetFinalizer is nil; the runtime throws "first argument is nil" and the program dies', related: [] };
    }
    const type = site.evaluations[0]?.argTypes[0];
    const under = type && underlying(type, site.pkg);
    if (type && under && isValueKind(under.kind)) {
      return {
        message:
          `${inline(arg)} is ${withArticle(typeName(type))} value, not a pointer; runtime.SetFinalizer throws ` +
          `"first argument is ${typeName(type)}, not pointer" and the program dies (recover cannot catch it)`,
        related: [],
      };
    }
    // Inside a package-level variable nothing throws: the runtime ignores memory that is not on the heap (FG007).
    if (addressedPackageVariable(site, arg)) return undefined;
    const operand = arg.type === 'unary_expression' && arg.child(0)?.type === '&' ? arg.childForFieldName('operand') : null;
    // The runtime accepts inner pointers to tiny pointer-free objects: they may come from the tiny allocator.
    const pointee = type?.kind === 'pointer' ? layout(type.elem, site.pkg) : undefined;
    if (!operand || (pointee && !pointee.pointers && pointee.size < tinyAllocatorLimit)) return undefined;
    const where = operand.type === 'selector_expression' ? fieldWhere(site, operand) : elementWhere(operand);
    if (!where) return undefined;
    return {
      message: `${inline(arg)} points to ${where}; runtime.SetFinalizer throws "pointer not at beginning of allocated block" and the program dies`,
      related: [],
    };
  },
};

function isValueKind(kind: string): boolean {
  return ['struct', 'basic', 'slice', 'map', 'chan', 'func', 'array'].includes(kind);
}

/** `&a[2]`: an element other than the first of a slice or array. */
function elementWhere(index: SyntaxNode): string | undefined {
  if (index.type !== 'index_expression') return undefined;
  const position = index.childForFieldName('index');
  return position?.type === 'int_literal' && Number(position.text) > 0 ? `element ${position.text}, inside its slice or array` : undefined;
}

/** Where the selected field lies when it does not start its struct. */
function fieldWhere(site: Site, selector: SyntaxNode): string | undefined {
  const position = fieldPosition(site, selector);
  if (!position || position.atStart) return undefined;
  const field = selector.childForFieldName('field')?.text;
  return position.offset === undefined ? `field ${field}, past the start of its struct` : `field ${field}, at offset ${position.offset} of its struct`;
}

/** Whether the selected field starts its struct; its byte offset when every size before it is known. */
function fieldPosition(site: Site, selector: SyntaxNode): { atStart: boolean; offset?: number } | undefined {
  const operand = selector.childForFieldName('operand');
  const name = selector.childForFieldName('field')?.text;
  const scope = site.evaluations[0]?.scope;
  if (!operand || !name || !scope) return undefined;
  const holderType = site.interpreter.typeOf(operand, scope);
  const struct = underlying(holderType.kind === 'pointer' ? holderType.elem : holderType, site.pkg);
  if (struct.kind !== 'struct') return undefined;
  const index = struct.fields.findIndex((f) => f.name === name);
  if (index < 0) return undefined;
  if (index === 0) return { atStart: true, offset: 0 };
  let offset = 0;
  for (const field of struct.fields.slice(0, index + 1)) {
    const l = layout(field.type, site.pkg);
    // Unknown sizes before it: a field after others is past the start all the same.
    if (!l) return { atStart: false };
    offset = Math.ceil(offset / l.align) * l.align;
    if (field.name === name) break;
    offset += l.size;
  }
  return { atStart: offset === 0, offset };
}
