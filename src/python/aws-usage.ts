/**
 * Where a Python unit uses the `pulumi_aws` API: imports of its names and calls of its
 * resources, functions and Args classes, resolved through the unit's imports so every import
 * form is understood (`import pulumi_aws as aws`, `from pulumi_aws import ec2`,
 * `from pulumi_aws.ec2 import Vpc`).
 */
import type { PythonUnit } from './units.js';
import { callArguments } from './calls.js';
import { cachedImportBindings, nodesOfType } from './fast-walk.js';
import type { ImportTable } from './names.js';
import type { SyntaxNode } from './parser.js';
import { PYTHON_PACKAGE, type ApiMember, type AwsApi } from '../aws/api.js';
import { getOrCompute } from '../syntax/memo-table.js';

export interface AwsImport {
  /** The imported name (`Vpcs` in `from pulumi_aws.ec2 import Vpcs`). */
  node: SyntaxNode;
  qualified: string;
  member: ApiMember;
}

export interface AwsCall {
  call: SyntaxNode;
  /** The callee expression (`aws.ec2.Vpc`, `ec2.Vpc`, `Vpc`). */
  callee: SyntaxNode;
  /** The callee as written, for messages. */
  written: string;
  qualified: string;
  member: ApiMember;
  /** Keyword name -> its `name` identifier node. */
  keywords: Map<string, SyntaxNode>;
  /** Keyword name -> its value node. */
  values: ReadonlyMap<string, SyntaxNode>;
}

const inPackage = (qualified: string): boolean => qualified.startsWith(`${PYTHON_PACKAGE}.`);

/** Longest callee chain worth resolving: `pulumi_aws.<module>.<Name>` plus a little slack. */
const MAX_CHAIN = 8;

/**
 * `aws.ec2.Vpc` as written and as resolved through the imports (`pulumi_aws.ec2.Vpc`).
 * Iterative and bounded, so an absurdly long attribute chain costs nothing and cannot overflow.
 */
function resolveCallee(callee: SyntaxNode, imports: ImportTable): { written: string; qualified: string } | undefined {
  const parts: string[] = [];
  let node: SyntaxNode | null = callee;
  while (node?.type === 'attribute') {
    const attribute = node.childForFieldName('attribute');
    if (!attribute || parts.length >= MAX_CHAIN) return undefined;
    parts.unshift(attribute.text);
    node = node.childForFieldName('object');
  }
  if (node?.type !== 'identifier') return undefined;
  const written = [node.text, ...parts].join('.');
  const bound = imports.get(node.text);
  return { written, qualified: bound === undefined ? written : [bound, ...parts].join('.') };
}

export function awsImports(unit: PythonUnit, api: AwsApi): AwsImport[] {
  const found: AwsImport[] = [];
  for (const binding of cachedImportBindings(unit.root)) {
    if (!inPackage(binding.qualified)) continue;
    const member = api.lookup(binding.qualified);
    if (!member) continue;
    // Report on the imported name itself, not the alias: `Vpcs` in `import Vpcs as V`.
    const node = binding.node.type === 'aliased_import' ? (binding.node.childForFieldName('name') ?? binding.node) : binding.node;
    found.push({ node, qualified: binding.qualified, member });
  }
  return found;
}

/** Calls per unit and table: IAC104 and IAC105 both ask for the same unit. */
const callCache = new WeakMap<SyntaxNode, Map<AwsApi, AwsCall[]>>();

export function awsCalls(unit: PythonUnit, api: AwsApi): AwsCall[] {
  const byApi = getOrCompute(callCache, unit.root, () => new Map<AwsApi, AwsCall[]>());
  return getOrCompute(byApi, api, () => findAwsCalls(unit, api));
}

function findAwsCalls(unit: PythonUnit, api: AwsApi): AwsCall[] {
  const found: AwsCall[] = [];
  for (const call of nodesOfType(unit.root, 'call')) {
    const callee = call.childForFieldName('function');
    if (!callee) continue;
    const resolved = resolveCallee(callee, unit.imports);
    if (!resolved || !inPackage(resolved.qualified)) continue;
    const { written, qualified } = resolved;
    const member = api.lookup(qualified);
    if (!member) continue;
    const keywords = new Map<string, SyntaxNode>();
    let values: ReadonlyMap<string, SyntaxNode> = new Map<string, SyntaxNode>();
    // Only calls of things with an argument list need their arguments read (the costly part).
    if (member.kind === 'resource' || member.kind === 'function' || member.kind === 'args-class') {
      const args = callArguments(call);
      for (const [name, node] of args.keywordNodes) {
        const nameNode = node.childForFieldName('name');
        if (nameNode) keywords.set(name, nameNode);
      }
      values = args.keywords;
    }
    found.push({ call, callee, written, qualified, member, keywords, values });
  }
  return found;
}

/** The identifier of `part` in a callee chain (`ec3` in `aws.ec3.Vpc`), else the whole callee. */
export function calleePart(callee: SyntaxNode, part: string): SyntaxNode {
  for (let node: SyntaxNode | null = callee; node; node = node.type === 'attribute' ? node.childForFieldName('object') : null) {
    const name = node.type === 'attribute' ? node.childForFieldName('attribute') : node.type === 'identifier' ? node : null;
    if (name?.text === part) return name;
  }
  return callee;
}

/** Identifier at the end of a callee chain (`Vpcs` in `aws.ec2.Vpcs`). */
export function calleeTail(callee: SyntaxNode): SyntaxNode {
  return callee.type === 'attribute' ? (callee.childForFieldName('attribute') ?? callee) : callee;
}
