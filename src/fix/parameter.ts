// FG003's and FG006's fixes: the finalizer or cleanup works on what the
// runtime hands it, not on the object it captured or was handed itself.
import type { Edge } from '../analysis/heap.js';
import { fieldChildren } from '../model/package.js';
import { sameType, typeWritten, underlying } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { Site } from '../rules/rule.js';
import { insertBefore, replaceNode, type SourceEdit, type SourceFix } from './edit.js';
import { offered } from './offer.js';
import { addressOf, enclosingFunction, identifiersNamed, isSelected } from './source.js';

const declaringParents = ['var_spec', 'parameter_declaration', 'variadic_parameter_declaration', 'const_spec'];

/** Whether this identifier declares its name, or assigns to it (`x =`, `x++`, `x, y :=` of a name already declared). */
function declaresOrAssigns(identifier: SyntaxNode): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (declaringParents.includes(parent.type) || parent.type === 'inc_statement' || parent.type === 'dec_statement') return true;
  const list = parent.type === 'expression_list' ? parent : undefined;
  const statement = list ? list.parent : parent;
  return (
    !!statement &&
    ['assignment_statement', 'short_var_declaration', 'range_clause'].includes(statement.type) &&
    statement.childForFieldName('left')?.id === (list ?? identifier).id
  );
}

/** Whether the function declares `name` once and never assigns it or takes its address: it holds one value throughout. */
function holdsOneValue(fn: SyntaxNode, name: string): boolean {
  const uses = identifiersNamed(fn, name);
  return !uses.some(addressOf) && uses.filter(declaresOrAssigns).length === 1;
}

/** The one parameter of a func literal, with its name node when it has one. */
export function soleParameter(literal: SyntaxNode): { declaration: SyntaxNode; name?: SyntaxNode } | undefined {
  const params = (literal.childForFieldName('parameters')?.namedChildren ?? []).filter((n): n is SyntaxNode => !!n && n.type !== 'comment');
  if (params.length !== 1 || params[0]!.type !== 'parameter_declaration') return undefined;
  const names = fieldChildren(params[0]!, 'name');
  return names.length > 1 ? undefined : { declaration: params[0]!, name: names[0] };
}

/** `x` as a key of a composite literal (`T{x: 1}`), which renaming must not touch. */
function isLiteralKey(identifier: SyntaxNode): boolean {
  const element = identifier.parent?.type === 'literal_element' ? identifier.parent : undefined;
  const keyed = element?.parent;
  return keyed?.type === 'keyed_element' && keyed.namedChild(0)?.id === element!.id;
}

/**
 * `runtime.SetFinalizer(f, func(p *File) { f.close() })`: the finalizer
 * captures f although its parameter is the same object; it uses the
 * parameter instead (`p.close()`, or `func(f *File)` for an unnamed one).
 * Offered when the capture is the whole path, f holds one value throughout
 * its function (so the parameter is the object it names), and whatever else
 * the literal names from around it is of a basic type, which reaches nothing.
 */
export function useFinalizerParameter(site: Site, path: readonly Edge[]): SourceFix | undefined {
  const [object, finalizer] = site.args;
  const scope = site.evaluations[0]?.scope;
  const variable = object?.type === 'identifier' ? scope?.lookup(object.text) : undefined;
  const fn = enclosingFunction(site.call);
  const body = finalizer?.type === 'func_literal' ? finalizer.childForFieldName('body') : undefined;
  if (!object || !variable || variable.global || !fn || !body || path.length !== 1 || path[0]!.via !== `captures ${object.text}`) return undefined;
  const param = soleParameter(finalizer!);
  const typeNode = param?.declaration.childForFieldName('type');
  if (!param || !typeNode || !sameType(typeWritten(typeNode, site.file), variable.type) || !holdsOneValue(fn, object.text)) return undefined;
  const named = param.name && param.name.text !== '_' ? param.name.text : undefined;
  for (const id of body.descendantsOfType('identifier')) {
    if (!id || id.text === object.text || id.text === named) continue;
    const outer = scope!.lookup(id.text);
    if (outer && !outer.global && underlying(outer.type, site.pkg).kind !== 'basic') return undefined;
  }
  const description = `use the finalizer's parameter, the same object, instead of capturing ${object.text}`;
  if (!named) {
    // Naming the parameter after the variable makes every use of it in the literal mean the parameter.
    const edit = param.name ? replaceNode(site.file, param.name, object.text) : insertBefore(site.file, typeNode, `${object.text} `);
    return offered(site.file, description, [edit]);
  }
  const uses = identifiersNamed(body, object.text);
  if (uses.some(isLiteralKey) || identifiersNamed(body, named).some(declaresOrAssigns)) return undefined;
  return offered(site.file, description, uses.map((use) => replaceNode(site.file, use, named)));
}

const goKeywords = new Set(
  'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var'.split(' '),
);

/**
 * `runtime.AddCleanup(f, func(p *File) { closeFD(p.fd) }, f)`: the argument
 * is the object itself. The cleanup uses one field of it, so it is passed
 * that field instead: `runtime.AddCleanup(f, func(fd int) { closeFD(fd) }, f.fd)`.
 * Offered when every use of the parameter reads that one field, the field is
 * of a predeclared basic type (its value reaches nothing), and no code of
 * the package assigns the field or takes its address (the value taken at
 * the call stays the value the cleanup would have read).
 */
export function passUsedField(site: Site): SourceFix | undefined {
  const [object, cleanup, arg] = site.args;
  const variable = object?.type === 'identifier' ? site.evaluations[0]?.scope.lookup(object.text) : undefined;
  const body = cleanup?.type === 'func_literal' ? cleanup.childForFieldName('body') : undefined;
  if (!variable || variable.global || arg?.type !== 'identifier' || arg.text !== object!.text || !body || variable.type.kind !== 'pointer') return undefined;
  const struct = underlying(variable.type.elem, site.pkg);
  const param = soleParameter(cleanup!);
  const typeNode = param?.declaration.childForFieldName('type');
  if (struct.kind !== 'struct' || !param?.name || !typeNode || !sameType(typeWritten(typeNode, site.file), variable.type)) return undefined;
  const uses = identifiersNamed(body, param.name.text);
  const fieldName = uses[0]?.parent?.childForFieldName('field')?.text;
  const field = struct.fields.find((f) => f.name === fieldName && !f.embedded);
  if (!field || field.type.kind !== 'basic' || field.type.name.includes('.')) return undefined;
  if (!uses.every((use) => isSelected(use) && use.parent!.childForFieldName('field')?.text === fieldName && !changesField(use.parent!))) return undefined;
  const name = fieldName!.charAt(0).toLowerCase() + fieldName!.slice(1);
  if (goKeywords.has(name) || identifiersNamed(body, name).length || fieldChanged(site, fieldName!)) return undefined;
  const edits: SourceEdit[] = [
    replaceNode(site.file, param.declaration, `${name} ${field.type.name}`),
    ...uses.map((use) => replaceNode(site.file, use.parent!, name)),
    replaceNode(site.file, arg, `${arg.text}.${fieldName}`),
  ];
  return offered(site.file, `pass ${arg.text}.${fieldName}, the one field the cleanup uses, not ${arg.text} itself`, edits);
}

/** `x.f = ...`, `x.f++`, `&x.f`: the selector changes the field or lets other code change it. */
function changesField(selector: SyntaxNode): boolean {
  const parent = selector.parent;
  if (!parent) return false;
  if (parent.type === 'unary_expression' && parent.child(0)?.type === '&') return true;
  if (parent.type === 'inc_statement' || parent.type === 'dec_statement') return true;
  const list = parent.type === 'expression_list' ? parent : undefined;
  const statement = list ? list.parent : parent;
  return statement?.type === 'assignment_statement' && statement.childForFieldName('left')?.id === (list ?? selector).id;
}

/** Whether any file of the package changes a field of this name, on whatever value. */
function fieldChanged(site: Site, fieldName: string): boolean {
  const mention = new RegExp(`\\.\\s*${fieldName}\\b`);
  site.pkg.load((file) => mention.test(file.text));
  return site.pkg.files.some((file) =>
    file.tree.rootNode.descendantsOfType('selector_expression').some((s) => !!s && s.childForFieldName('field')?.text === fieldName && changesField(s)),
  );
}
