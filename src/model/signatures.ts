// The types a function gives its receiver, parameters and results, read from
// its syntax once for the run: the interpreter binds them at every call it
// follows and asks a call's result type at every use of its value, so
// reading them again there would parse the same type expressions for each
// call of each entry point.
import type { SyntaxNode } from '../parse/parser.js';
import { fieldChildren, packageOfFile, readParams, type FuncDecl, type GoFile, type GoPackage, type ParamDecl } from './package.js';
import { readType, type GoType } from './types.js';

export interface Signature {
  /** The type parameters in scope in the body: the function's own, its receiver type's, and the names the receiver gives them. */
  typeParams: string[];
  /** The receiver's type, for a method. */
  receiver?: GoType;
  params: ParamDecl[];
  paramTypes: GoType[];
  results: ParamDecl[];
  resultTypes: GoType[];
}

const declared = new WeakMap<FuncDecl, Signature>();

/** A declared function's or method's signature; `pkg` is any package of the module that can see the declaration. */
export function signatureOf(decl: FuncDecl, pkg: GoPackage): Signature {
  let signature = declared.get(decl);
  if (!signature) {
    const typeParams = typeParamsOf(decl, pkg);
    const receiverType = decl.receiver ? decl.node.childForFieldName('receiver')?.namedChild(0)?.childForFieldName('type') : undefined;
    signature = {
      ...readSignature(decl.params, decl.results, decl.file, typeParams),
      receiver: receiverType ? readType(receiverType, decl.file, typeParams) : undefined,
    };
    declared.set(decl, signature);
  }
  return signature;
}

const literals = new WeakMap<GoFile, Map<number, Signature>>();

/** A func literal's signature, read once per literal of a file. */
export function literalSignature(literal: SyntaxNode, file: GoFile): Signature {
  let byNode = literals.get(file);
  if (!byNode) literals.set(file, (byNode = new Map()));
  let signature = byNode.get(literal.id);
  if (!signature) {
    signature = readSignature(readParams(literal.childForFieldName('parameters')), readParams(literal.childForFieldName('result')), file, []);
    byNode.set(literal.id, signature);
  }
  return signature;
}

function readSignature(params: ParamDecl[], results: ParamDecl[], file: GoFile, typeParams: string[]): Signature {
  const read = (p: ParamDecl) => readType(p.typeNode, file, typeParams);
  return { typeParams, params, paramTypes: params.map(read), results, resultTypes: results.map(read) };
}

function typeParamsOf(decl: FuncDecl, pkg: GoPackage): string[] {
  const own = (decl.node.childForFieldName('type_parameters')?.descendantsOfType('type_parameter_declaration') ?? []).flatMap((p) =>
    p ? fieldChildren(p, 'name').map((n) => n.text) : [],
  );
  const receiverType = decl.receiver ? packageOfFile(pkg, decl.file).types.get(decl.receiver.typeName) : undefined;
  // Receiver type parameters may be renamed in the method: `func (l *List[E])`.
  const recvNames =
    decl.node.childForFieldName('receiver')?.descendantsOfType('type_arguments').flatMap((a) => (a?.namedChildren ?? []).map((n) => n?.text ?? '')) ?? [];
  return [...own, ...(receiverType?.typeParams ?? []), ...recvNames];
}
