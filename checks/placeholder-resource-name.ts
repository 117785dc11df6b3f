/**
 * IAC305: resource names, physical names and Name tags made of test or placeholder words
 * (test, foo, bar, example, demo, sample, changeme, my-) in a production environment. Words are
 * matched whole (`latest`, `sidebar`, `contest` are fine) and only in the literal parts of a
 * name: an f-string interpolation next to a word makes it partial, so it is left alone.
 */
import type { ProjectRule, ProjectRuleContext } from '../src/api/rule.js';
import type { PythonUnit } from '../src/python/units.js';
import { callArguments } from '../src/python/calls.js';
import { fileProductionReason, programProductionReason } from '../src/python/environment.js';
import { NameResolver, stringTemplate } from '../src/python/literal-values.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { resourceCalls } from '../src/python/pulumi.js';

const PLACEHOLDER_WORDS = new Set(['test', 'tests', 'testing', 'foo', 'bar', 'baz', 'foobar', 'example', 'examples', 'demo', 'sample', 'samples', 'changeme']);
/** Stands for an interpolation while splitting words (a private-use character). */
const HOLE = '\uE000';
/** Arguments that set the physical name of a resource. */
const NAME_ARGUMENTS = ['name', 'name_prefix', 'bucket', 'bucket_prefix', 'identifier', 'identifier_prefix', 'cluster_identifier', 'function_name'];

function short(qualified: string): string {
  return qualified.replace(/^pulumi_aws\./, 'aws.');
}

export const placeholderResourceName: ProjectRule<string | null | undefined> = {
  meta: {
    id: 'IAC305',
    name: 'placeholder-resource-name',
    title: 'Test or placeholder names in production',
    category: 'Best Practice',
    severity: 'warning',
    why: 'Names like "test-bucket", "my-vpc" or "example-db" in production confuse operators during incidents, break cost allocation by name, and suggest the code was copied from an example without review.',
    fix: 'Name resources after their purpose and environment, e.g. f"orders-db-{environment_suffix}", and set the Name tag the same way.',
    badExample: 'environment_suffix = config.get("environmentSuffix") or "prod"\naws.s3.Bucket("test-bucket", tags={"Name": "my-bucket"})',
    goodExample: 'aws.s3.Bucket(f"app-logs-{environment_suffix}", tags={"Name": f"app-logs-{environment_suffix}"})',
    seed: { report: 'model-failures-tracking', section: 'Resource Naming Issues' },
  },
  scope: 'project',
  // Whether the whole program is production is known from texts up front; each file is judged while its tree is fresh.
  begin: (project, settings) => programProductionReason(project, settings),
  visitFile(file, programReason, context) {
    const reason = programReason === undefined ? fileProductionReason(file) : programReason;
    if (!reason) return;
    for (const unit of file.units) if (!unit.isTestFile) checkUnit(unit, reason, context);
  },
};

function checkUnit(unit: PythonUnit, reason: string, context: ProjectRuleContext): void {
  const names = NameResolver.of(unit.root, unit.imports);
  const reported = new Set<number>();
  const check = (node: SyntaxNode | undefined, what: string, qualified: string) => {
    if (!node) return;
    const literal = names.resolve(node);
    if (reported.has(literal.id)) return;
    const text = stringTemplate(literal);
    const word = text === undefined ? undefined : placeholderWord(text);
    if (text === undefined || !word) return;
    reported.add(literal.id);
    const shown = text.split('\u0000').join('{…}');
    context.report({
      unit,
      node: literal,
      message: `${what} "${shown}" of \`${short(qualified)}\` contains the placeholder word "${word}" in production (${reason}): name it after its purpose and environment.`,
    });
  };
  for (const { call, qualified } of resourceCalls(unit.root, unit.imports)) {
    const args = callArguments(call);
    check(args.keywords.get('resource_name') ?? args.positional[0], 'Resource name', qualified);
    for (const key of NAME_ARGUMENTS) check(args.keywords.get(key), `\`${key}\``, qualified);
    const tags = args.keywords.get('tags');
    const mapping = tags ? names.mapping(tags, unit.imports) : undefined;
    check(mapping?.entries.get('Name')?.value, 'Name tag', qualified);
  }
}

/**
 * The first placeholder word of a name, split on separators and camelCase humps. Words touching
 * an interpolation (`\u0000`) are partial and never match; `my` counts as a prefix word only.
 */
export function placeholderWord(text: string): string | undefined {
  const spaced = text.split('\u0000').join(HOLE).replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  const words = spaced.split(/[^A-Za-z0-9\uE000]+/).filter((word) => word.length > 0);
  for (let index = 0; index < words.length; index++) {
    const raw = words[index] ?? '';
    if (raw.includes(HOLE)) continue;
    const word = raw.toLowerCase().replace(/\d+$/, '');
    if (PLACEHOLDER_WORDS.has(word)) return raw.toLowerCase();
    if (word === 'my' && index < words.length - 1) return 'my';
  }
  return undefined;
}
