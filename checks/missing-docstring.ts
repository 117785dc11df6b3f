/**
 * IAC401: infrastructure modules, public classes and public functions without a docstring.
 *
 * Scope: Python files that import Pulumi (`pulumi` or a `pulumi_*` provider), because those
 * are the infrastructure code a reviewer has to maintain. Not checked: test files (test names
 * say what they check), Markdown answer blocks (fragments, not modules), `.pyi` stubs,
 * application code such as Lambda handlers that does not import Pulumi, names starting with
 * `_` (dunders such as `__init__` included: the class docstring documents construction; the
 * module docstring of `__init__.py` and `_private.py` files),
 * functions nested in functions, `@overload` signatures and property setters/deleters.
 */
import type { ModelRule } from '../src/api/rule.js';
import { isPulumiModule } from '../src/python/project-python.js';
import { decoratorNames, decoratorsOf, definitionName, docstringOf, unwrapDefinition } from '../src/python/definitions.js';
import type { SyntaxNode } from '../src/syntax/flat-tree.js';
import { importedTopModules } from '../src/python/fast-walk.js';

export const missingDocstring: ModelRule = {
  meta: {
    id: 'IAC401',
    name: 'missing-docstring',
    title: 'Missing docstrings',
    category: 'Documentation',
    severity: 'notice',
    why: 'Generated infrastructure code often comes without any explanation; without a docstring the next reviewer has to reverse-engineer what a stack or helper builds, which inputs it expects and which outputs it registers.',
    fix: 'Add a docstring to the module saying what it deploys, and to each public class and function saying what it creates and what its arguments mean.',
    badExample: 'class TapStack(pulumi.ComponentResource):\n    def __init__(self, name, args, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)',
    goodExample:
      '"""Networking and compute for the TAP service."""\n\nclass TapStack(pulumi.ComponentResource):\n    """VPC, subnets and the API Lambda of one TAP environment."""\n\n    def __init__(self, name, args, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)',
    seed: { report: 'model-failures-tracking', section: 'Missing Comments' },
    languages: ['python'],
  },
  scope: 'model',
  visitors: {
    python: (context) => ({
      // Module, classes and their methods: the top of the tree only, read from the root.
      module(root) {
        const unit = context.unit;
        if (unit.origin !== 'python-file' || unit.isTestFile || unit.path.endsWith('.pyi')) return;
        if (![...importedTopModules(unit.imports)].some(isPulumiModule)) return;

        const base = unit.path.split('/').pop() ?? unit.path;
        if ((!base.startsWith('_') || base === '__main__.py') && !docstringOf(root)) {
          const firstLine = unit.text.split('\n', 1)[0] ?? '';
          context.report({
            start: { row: 0, column: 0 },
            end: { row: 0, column: firstLine.length },
            message: `Module \`${base}\` has no docstring: start it with a sentence on what it deploys.`,
          });
        }

        for (const child of root.namedChildren) {
          const definition = unwrapDefinition(child);
          if (!definition || !isPublic(definition)) continue;
          if (definition.type === 'function_definition') {
            checkFunction(definition, undefined, unit.imports, context.report);
            continue;
          }
          const body = definition.childForFieldName('body');
          if (!docstringOf(body)) {
            context.report({
              node: definition.childForFieldName('name') ?? definition,
              message: `Public class \`${definitionName(definition)}\` has no docstring: say what it creates and which arguments it expects.`,
            });
          }
          for (const member of body?.namedChildren ?? []) {
            const method = unwrapDefinition(member);
            if (method?.type === 'function_definition' && isPublic(method)) checkFunction(method, definitionName(definition), unit.imports, context.report);
          }
        }
      },
    }),
  },
};

function isPublic(definition: SyntaxNode): boolean {
  return !definitionName(definition).startsWith('_');
}

function checkFunction(
  definition: SyntaxNode,
  className: string | undefined,
  imports: Parameters<typeof decoratorNames>[1],
  report: (report: { node: SyntaxNode; message: string }) => void,
): void {
  if (docstringOf(definition.childForFieldName('body'))) return;
  const decorators = decoratorNames(definition, imports);
  if (decorators.some((name) => name === 'overload' || name.endsWith('.overload'))) return;
  // `@name.setter` / `@name.deleter` belong to a property documented on its getter.
  if (decoratorsOf(definition).some((decorator) => /\.(setter|deleter)\s*$/.test(decorator.text))) return;
  const name = definitionName(definition);
  report({
    node: definition.childForFieldName('name') ?? definition,
    message: className
      ? `Public method \`${className}.${name}\` has no docstring: say what it creates or returns.`
      : `Public function \`${name}\` has no docstring: say what it creates or returns.`,
  });
}
