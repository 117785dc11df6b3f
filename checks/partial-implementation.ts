/**
 * IAC203: code that was never finished. Placeholders are errors: stub bodies (`...`,
 * `pass  # TODO`, `raise NotImplementedError`; in TypeScript an empty body with a TODO, or only
 * `throw new Error('Not implemented')`) and comments standing in for code
 * (`# ... rest of implementation`, `// ... existing code`). Gaps in the network are warnings:
 * a public NAT gateway without an Elastic IP (read from the program model, both languages);
 * in Python also a VPC without subnets, subnets that no route table is associated with, and
 * `_create_*` helpers that nothing calls.
 *
 * Not placeholders: `...` in Protocol/ABC classes, abstract methods, `@overload` signatures,
 * `.pyi` stubs and `if TYPE_CHECKING:` blocks; a `raise NotImplementedError` in a base class
 * that is subclassed (or named `Base*`/`Abstract*`); bare `pass` without a TODO comment;
 * `pass` in `except` clauses and empty exception classes.
 * The "never" conclusions of the gap checks look at every non-test Python file available
 * (reviewed or not), and are not drawn when the unit imports a project module whose source
 * cannot be read (an unchanged file in a pull request) or hands the VPC to code it cannot
 * see; test files are not checked for gaps.
 */
import { projectPythonTexts, unseenImportedModules, type PythonSourceText } from '../src/python/project-python.js';
import type { ModelRule, ProjectView } from '../src/api/rule.js';
import { spell } from '../src/pulumi/spelling.js';
import type { Resource } from '../src/pulumi/model.js';
import { isTypeScriptPlaceholderComment, typeScriptStub } from '../src/typescript/placeholders.js';
import type { PythonUnit } from '../src/python/units.js';
import type { Severity } from '../src/api/types.js';
import { callArguments, calleeName, stringLiteralValue } from '../src/python/calls.js';
import { classBaseNames, definitionName } from '../src/python/definitions.js';
import { dottedName } from '../src/python/names.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { commentsWhere, isExceptionClass, isLegitimateStub, isPlaceholderComment, isTodoComment, stubStatement } from '../src/python/placeholders.js';
import { closestAncestor } from '../src/syntax/walk.js';
import { callsNamed, nodesOfType } from '../src/python/fast-walk.js';
import { uncalledCreators } from '../src/python/uncalled-creators.js';

const SUBNET_CREATED = /\b(?:Subnet|DefaultSubnet)\s*\(/;
const ROUTING_CREATED = /\b(?:RouteTable|InternetGateway|NatGateway|EgressOnlyInternetGateway)\s*\(/;
const SUBNET_ASSOCIATED = /RouteTableAssociation|DefaultRouteTable\s*\(|default_route_table_id|main_route_table_id|route_table_association/;

type Report = (node: SyntaxNode, message: string, severity?: Severity) => void;

export const partialImplementation: ModelRule<{ project: ProjectView; sources: PythonSourceText[] }> = {
  meta: {
    id: 'IAC203',
    name: 'partial-implementation',
    title: 'Partial implementation or placeholder',
    category: 'Prompt Understanding',
    severity: 'error',
    why: 'Generated answers run out of room or skip the tedious parts: stub methods, `# ... rest of implementation` comments and half-built networks (a VPC without subnets, subnets without routes) deploy something other than what was asked and need manual completion.',
    fix: 'Implement every placeholder and complete the resource graph: subnets in each VPC, a route table association for each subnet, an Elastic IP for each public NAT gateway, and a call for every `_create_*` helper.',
    badExample: 'class TapStack(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n        self._create_subnets()\n\n    def _create_subnets(self):\n        pass  # TODO',
    goodExample: 'class TapStack(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n        self.vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n        self._create_subnets()\n\n    def _create_subnets(self):\n        self.subnet = aws.ec2.Subnet("a", vpc_id=self.vpc.id, cidr_block="10.0.1.0/24", opts=pulumi.ResourceOptions(parent=self))',
    seed: { report: 'model-failures-tracking', section: 'Partial Implementation' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  // The project's Python texts are known before any file is parsed; each unit is judged while its tree is fresh.
  begin: (project) => ({ project, sources: projectPythonTexts(project).filter((source) => !source.isTestFile) }),
  visitors: {
    python: (context) => ({
      'unit:exit'() {
        const { unit, state } = context;
        const report: Report = (node, message, severity) => context.report({ node, message, ...(severity ? { severity } : {}) });
        checkPlaceholders(unit, report);
        if (!unit.isTestFile) checkGaps(unit, state.sources, report, unseenImportedModules(unit, state.project).length > 0);
      },
    }),
    typescript(context) {
      const { unit } = context;
      // A Markdown block that neither imports nor is placed in a named file is an excerpt shown in
      // prose (`{ ..., // ... other config }`): its elisions abbreviate on purpose.
      const excerpt = unit.origin === 'markdown-block' && unit.imports.size === 0 && !unit.assembledPath;
      const placeholderRows = new Set<number>();
      const subclassed = new Set<string>();
      const stubs: { fn: SyntaxNode; body: SyntaxNode }[] = [];
      return {
        comment(node) {
          if (excerpt || !isTypeScriptPlaceholderComment(node.text) || (unit.isTestFile && TEST_CLEANUP.test(node.text))) return;
          placeholderRows.add(node.startPosition.row);
          context.report({ node, message: `Placeholder comment \`${shorten(node.text)}\` stands in for code that was never written: implement it or remove the claim.` });
        },
        extends_clause(node) {
          const base = node.childForFieldName('value') ?? node.namedChildren[0];
          if (base) subclassed.add(base.text.split('.').pop() ?? base.text);
        },
        statement_block(body) {
          if (body.parent && TYPESCRIPT_FUNCTIONS.has(body.parent.type)) stubs.push({ fn: body.parent, body });
        },
        'unit:exit'() {
          for (const { fn, body } of stubs) {
            const stub = typeScriptStub(body);
            if (!stub) continue;
            const klass = enclosingTypeScriptClass(fn);
            const className = klass?.childForFieldName('name')?.text;
            const name = [className, fn.childForFieldName('name')?.text ?? functionVariable(fn)].filter(Boolean).join('.') || 'this function';
            if (stub.kind === 'empty') {
              // A placeholder comment already reported says the same thing; test doubles are empty on purpose.
              if (placeholderRows.has(stub.todo.startPosition.row) || unit.isTestFile || TEST_DOUBLE.test(stub.todo.text) || TEST_DOUBLE.test(className ?? '')) continue;
              context.report({ node: stub.todo, message: `\`${name}\` is a placeholder: its body is empty but for \`${shorten(stub.todo.text)}\`, so nothing it should create is created.` });
              continue;
            }
            const overridable = klass && (/^abstract/.test(klass.type) || (className && (subclassed.has(className) || /^(Base|Abstract)|(Base|Interface|Mixin)$/.test(className))));
            if (!overridable) context.report({ node: stub.node, message: `\`${name}\` is a placeholder: it only throws \`${shorten(stub.node.text)}\`, so nothing it should create is created.` });
          }
        },
      };
    },
  },
  program(model, context) {
    for (const resource of model.resources) {
      if (resource.type.provider === 'aws' && resource.type.key === 'ec2.NatGateway') checkNatGateway(resource, (message) => context.report({ at: resource.site, message, severity: 'warning' }));
    }
  },
};

const TEST_DOUBLE = /\b(mock|stub|fake|dummy|no-?op)/i;
const TYPESCRIPT_FUNCTIONS = new Set(['method_definition', 'function_declaration', 'function_expression', 'arrow_function', 'generator_function_declaration']);

function enclosingTypeScriptClass(fn: SyntaxNode): SyntaxNode | undefined {
  const klass = closestAncestor(fn, ['class_declaration', 'abstract_class_declaration', 'class', 'function_declaration', 'method_definition']);
  return klass && /class/.test(klass.type) ? klass : undefined;
}

/** `build` for `const build = () => {...}`. */
function functionVariable(fn: SyntaxNode): string | undefined {
  const parent = fn.parent;
  return parent?.type === 'variable_declarator' ? parent.childForFieldName('name')?.text : undefined;
}

/** A public NAT gateway needs an Elastic IP (`allocation_id`), unless it is declared private. */
function checkNatGateway(nat: Resource, report: (message: string) => void): void {
  if (nat.argsOpen || nat.args.has('allocation_id') || nat.args.has('secondary_allocation_ids')) return;
  const connectivity = nat.args.get('connectivity_type')?.value;
  if (connectivity && (connectivity.kind !== 'string' || connectivity.value !== 'public')) return;
  const label = nat.name.kind === 'string' ? `\`${nat.name.value}\`` : nat.boundTo ? `\`${nat.boundTo}\`` : `\`${nat.constructorText}(...)\``;
  const language = nat.language;
  const eip = language === 'python' ? '`aws.ec2.Eip(..., domain="vpc")`' : "`new aws.ec2.Eip(..., { domain: 'vpc' })`";
  const privately = language === 'python' ? '`connectivity_type="private"`' : "`connectivityType: 'private'`";
  report(`NAT gateway ${label} has no \`${spell('allocation_id', language)}\`: a public NAT gateway needs an Elastic IP (${eip}); set ${privately} if it is meant to be private.`);
}

// ---------------------------------------------------------------------------------------
// Placeholders (error)

/**
 * `# Cleanup logic would go here` in a test: tests that deploy nothing have nothing to clean up,
 * and the missing code is not infrastructure.
 */
const TEST_CLEANUP = /\b(clean[\s-]?up|tear[\s-]?down)\b/i;

function checkPlaceholders(unit: PythonUnit, report: Report): void {
  const stubFile = unit.path.endsWith('.pyi');
  const lines = unit.text.split('\n');
  const reportedComments = new Set<number>();
  const placeholder = (text: string) => isPlaceholderComment(text) && !(unit.isTestFile && TEST_CLEANUP.test(text));
  for (const comment of commentsWhere(unit.root, lines, placeholder)) {
    reportedComments.add(comment.startPosition.row);
    report(comment, `Placeholder comment \`${shorten(comment.text)}\` stands in for code that was never written: implement it or remove the claim.`);
  }
  if (stubFile) return;

  const subclassed = subclassedNames(unit);
  for (const block of nodesOfType(unit.root, 'block')) {
    const stub = stubStatement(block);
    if (!stub) continue;
    const owner = block.parent;
    if (!owner || owner.type === 'except_clause' || owner.type === 'except_group_clause' || owner.type === 'finally_clause') continue;
    const rows = { from: owner.startPosition.row, to: stub.node.endPosition.row };
    const todo = commentsWhere(unit.root, lines, (text) => isTodoComment(text) || isPlaceholderComment(text), rows.from, rows.to)[0];
    // A placeholder comment already reported says the same thing; a test's cleanup stub is not a gap.
    if (todo && (reportedComments.has(todo.startPosition.row) || (unit.isTestFile && TEST_CLEANUP.test(todo.text)))) continue;
    const note = todo ? ` (\`${shorten(todo.text)}\`)` : '';

    if (owner.type === 'function_definition') {
      if (stub.kind === 'pass' && !todo) continue;
      if (stub.kind !== 'pass' && isLegitimateStub(owner, unit.imports)) continue;
      if (stub.kind === 'not-implemented' && isOverridableBase(owner, subclassed)) continue;
      if (stub.kind === 'ellipsis' && isOverridableBase(owner, subclassed) && !todo) continue;
      const what = stub.kind === 'ellipsis' ? 'is `...`' : stub.kind === 'pass' ? 'is `pass`' : 'only raises `NotImplementedError`';
      report(stub.node, `\`${qualifiedDefinitionName(owner)}\` is a placeholder: its body ${what}${note}, so nothing it should create is created.`);
      continue;
    }
    if (!todo || stub.kind === 'not-implemented') continue;
    if (owner.type === 'class_definition' && isExceptionClass(owner, unit.imports)) continue;
    const where = owner.type === 'class_definition' ? `class \`${definitionName(owner)}\`` : `this \`${owner.type.replace(/_(statement|clause)$/, '')}\` block`;
    report(stub.node, `The body of ${where} is a placeholder${note}: the code it stands for was never written.`);
  }
}

/** Names of classes that some class in the unit inherits from. */
function subclassedNames(unit: PythonUnit): Set<string> {
  const names = new Set<string>();
  for (const klass of nodesOfType(unit.root, 'class_definition')) {
    for (const base of classBaseNames(klass, unit.imports)) names.add(base.split('.').pop() ?? base);
  }
  return names;
}

/** A method of a base class meant to be overridden: the class is subclassed here or is named like a base. */
function isOverridableBase(fn: SyntaxNode, subclassed: ReadonlySet<string>): boolean {
  const klass = closestAncestor(fn, ['class_definition', 'function_definition']);
  if (klass?.type !== 'class_definition') return false;
  const name = definitionName(klass);
  return subclassed.has(name) || /^(Base|Abstract)|(Base|Interface|Mixin)$/.test(name);
}

function qualifiedDefinitionName(fn: SyntaxNode): string {
  const klass = closestAncestor(fn, ['class_definition', 'function_definition']);
  return klass?.type === 'class_definition' ? `${definitionName(klass)}.${definitionName(fn)}` : definitionName(fn);
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 70 ? `${oneLine.slice(0, 70)}…` : oneLine;
}

// ---------------------------------------------------------------------------------------
// Gaps (warning)

function checkGaps(unit: PythonUnit, sources: readonly PythonSourceText[], report: Report, delegatesToUnseenCode: boolean): void {
  const calls = callsNamed(unit.root, unit.text, 'Vpc|Subnet').map((call) => ({ call, qualified: calleeName(call, unit.imports) }));
  const anywhere = (pattern: RegExp) => matchesAnywhere(sources, pattern);

  // A VPC with no subnet anywhere in the project.
  // Code this review cannot read, imported by the unit, may create the subnets or associations.
  if (!delegatesToUnseenCode && !anywhere(SUBNET_CREATED)) {
    for (const { call } of calls.filter((entry) => entry.qualified === 'pulumi_aws.ec2.Vpc')) {
      if (escapesToUnknownCall(call, unit)) continue;
      report(
        call.childForFieldName('function') ?? call,
        `VPC ${resourceLabel(call)} is created but no subnet is, anywhere in the project: nothing can be placed in it. Add \`aws.ec2.Subnet\` resources (or use \`awsx.ec2.Vpc\`).`,
        'warning',
      );
    }
  }

  // Subnets next to route tables or gateways, with no association anywhere.
  const subnets = calls.filter((entry) => entry.qualified === 'pulumi_aws.ec2.Subnet');
  const first = subnets[0];
  if (first && !delegatesToUnseenCode && anywhere(ROUTING_CREATED) && !anywhere(SUBNET_ASSOCIATED) && !passesToRoutingHelper(unit)) {
    report(
      first.call.childForFieldName('function') ?? first.call,
      `${subnets.length === 1 ? 'This subnet is' : `These ${subnets.length} subnets are`} never associated with a route table (no \`aws.ec2.RouteTableAssociation\` in the project): they fall back to the VPC's main route table, so the routes to the internet or NAT gateway never apply.`,
      'warning',
    );
  }

  checkUncalledCreators(unit, sources, report);
}

/** `"name"` for a literal resource name, else the variable the resource is assigned to. */
function resourceLabel(call: SyntaxNode): string {
  const first = callArguments(call).positional[0];
  const literal = first ? stringLiteralValue(first) : undefined;
  if (literal !== undefined) return `\`${literal}\``;
  const target = assignedTarget(call);
  return target ? `\`${target}\`` : `\`${call.text.split('(')[0]}(...)\``;
}

/** `vpc` or `self.vpc` when the call is the right-hand side of an assignment to a plain name. */
function assignedTarget(call: SyntaxNode): string | undefined {
  const parent = call.parent;
  if (parent?.type !== 'assignment' || parent.childForFieldName('right')?.id !== call.id) return undefined;
  const left = parent.childForFieldName('left');
  return left ? dottedName(left) : undefined;
}

/**
 * True when the resource object (or an attribute of it) is passed to a call that is not a
 * Pulumi API: a helper this rule cannot see may build what looks missing.
 */
function escapesToUnknownCall(call: SyntaxNode, unit: PythonUnit): boolean {
  const target = assignedTarget(call);
  if (!target) return false;
  for (const node of nodesOfType(unit.root, ['identifier', 'attribute'])) {
    if (dottedName(node) !== target) continue;
    for (let current: SyntaxNode | null = node.parent; current; current = current.parent) {
      if (current.type === 'argument_list') {
        const outer = current.parent;
        const callee = outer?.type === 'call' ? calleeName(outer, unit.imports) : undefined;
        if (!callee || !/^pulumi(_[a-z0-9_]+)?\./.test(callee)) return true;
        break;
      }
      if (current.type === 'return_statement') return true;
      if (/statement$|definition$|^block$/.test(current.type)) break;
    }
  }
  return false;
}

/** Subnets handed to a helper whose name says it does routing (`self._associate_route_tables(subnets)`). */
function passesToRoutingHelper(unit: PythonUnit): boolean {
  for (const call of nodesOfType(unit.root, 'call')) {
    const fn = call.childForFieldName('function');
    const name = fn ? (dottedName(fn) ?? '') : '';
    if (/rout|associat/i.test(name.split('.').pop() ?? '') && !/^(aws|pulumi_aws)\./.test(name) && /subnet/i.test(call.childForFieldName('arguments')?.text ?? '')) return true;
  }
  return false;
}

const anywhereCache = new WeakMap<readonly PythonSourceText[], Map<RegExp, boolean>>();

/** Whether some project source matches `pattern`; answered once per review (the same sources for every unit). */
function matchesAnywhere(sources: readonly PythonSourceText[], pattern: RegExp): boolean {
  let byPattern = anywhereCache.get(sources);
  if (!byPattern) anywhereCache.set(sources, (byPattern = new Map<RegExp, boolean>()));
  let matches = byPattern.get(pattern);
  if (matches === undefined) byPattern.set(pattern, (matches = sources.some((source) => pattern.test(source.text))));
  return matches;
}

/** `_create_*` methods and functions that nothing calls or references (src/python/uncalled-creators.ts). */
function checkUncalledCreators(unit: PythonUnit, sources: readonly PythonSourceText[], report: Report): void {
  for (const definition of uncalledCreators(unit, sources)) {
    report(
      definition.childForFieldName('name') ?? definition,
      `\`${qualifiedDefinitionName(definition)}\` is never called: the resources it defines are never created. Call it from \`__init__\` (or remove it).`,
      'warning',
    );
  }
}
