/**
 * The argument types of the package's declarations, for the generator: what a member's
 * TypeScript type (`pulumi.Input<pulumi.Input<inputs.ec2.SecurityGroupIngress>[] | undefined>`)
 * accepts, as an `ArgType` the tables store in type-code notation (type-codes.ts).
 */
import ts from 'typescript';
import { pythonModuleName } from './python-names.js';
import { alternativesOf, typeCode, type ArgType } from './type-codes.js';
import { TOP_LEVEL_MODULE } from './types.js';

/** Reference names that stand for a plain string (`ARN` is `string | ManagedPolicy`, a policy ARN). */
const STRING_ALIASES = new Set(['ARN', 'Region']);
const ASSETS = /^pulumi\.asset\.(Asset|Archive|AssetOrArchive|FileArchive|FileAsset|StringAsset|RemoteArchive|RemoteAsset|AssetArchive)$/;

/**
 * The type an argument accepts, read from its declaration: `pulumi.Input<...>` wrappers and
 * `undefined` dropped, `inputs.ec2.X` an input type, `enums.lambda.Runtime` an enum, a bare
 * class name (`Role`) a resource object. `module` is the Python module of the declaration.
 */
export function argType(type: ts.TypeNode | undefined, module: string): ArgType {
  if (!type) return { kind: 'any' };
  if (ts.isParenthesizedTypeNode(type)) return argType(type.type, module);
  if (ts.isUnionTypeNode(type)) {
    const alternatives: ArgType[] = [];
    const seen = new Set<string>();
    for (const member of type.types) {
      if (member.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword)) continue;
      const alternative = argType(member, module);
      if (alternative.kind === 'any') return alternative;
      for (const flat of alternative.kind === 'union' ? alternative.alternatives : [alternative]) {
        const key = typeCode(flat, module);
        if (!seen.has(key)) {
          seen.add(key);
          alternatives.push(flat);
        }
      }
    }
    return alternatives.length === 1 ? (alternatives[0] as ArgType) : alternatives.length ? { kind: 'union', alternatives } : { kind: 'any' };
  }
  if (ts.isArrayTypeNode(type)) return { kind: 'list', item: argType(type.elementType, module) };
  if (ts.isLiteralTypeNode(type)) return ts.isStringLiteral(type.literal) ? { kind: 'string' } : ts.isNumericLiteral(type.literal) ? { kind: 'number' } : { kind: 'any' };
  switch (type.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
    default:
      break;
  }
  if (ts.isTypeLiteralNode(type)) {
    const [index] = type.members;
    if (type.members.length === 1 && index && ts.isIndexSignatureDeclaration(index)) return { kind: 'map', item: argType(index.type, module) };
    return { kind: 'any' };
  }
  if (!ts.isTypeReferenceNode(type)) return { kind: 'any' };
  const name = type.typeName.getText();
  const [first] = type.typeArguments ?? [];
  if (name === 'pulumi.Input' || name === 'pulumi.Output' || name === 'Promise') return argType(first, module);
  if (name === 'Array') return { kind: 'list', item: argType(first, module) };
  if (name === 'Record') return { kind: 'map', item: argType(type.typeArguments?.[1], module) };
  if (ASSETS.test(name)) return { kind: 'asset' };
  if (STRING_ALIASES.has(name)) return { kind: 'string' };
  const reference = /^(inputs|enums)\.(?:([A-Za-z0-9]+)\.)?([A-Za-z0-9]+)$/.exec(name);
  if (reference) {
    const target = reference[2] ? pythonModuleName(reference[2]) : TOP_LEVEL_MODULE;
    return { kind: reference[1] === 'inputs' ? 'object' : 'enum', module: target, name: reference[3] as string };
  }
  // A bare class name (`Role`, `Topic`, `RestApi`): the resource object is accepted for its ID or ARN.
  if (/^[A-Z][A-Za-z0-9]*$/.test(name)) return { kind: 'resource' };
  return { kind: 'any' };
}

/** The enum an argument's type refers to (`pulumi.Input<string | enums.lambda.Runtime>` -> `lambda_.Runtime`). */
export function enumReference(type: ArgType): string | undefined {
  for (const alternative of alternativesOf(type)) {
    if (alternative.kind === 'enum') return `${alternative.module}.${alternative.name}`;
    if (alternative.kind === 'list') {
      const inner = enumReference(alternative.item);
      if (inner) return inner;
    }
  }
  return undefined;
}
