/**
 * IAC305: resource names, physical names and Name tags made of test or placeholder words
 * (test, foo, bar, example, demo, sample, changeme, my-) in a production environment, read from
 * the program model (names through constants, loops, helper parameters and tag dicts included).
 * Words are matched whole (`latest`, `sidebar`, `contest` are fine) and only in the known parts
 * of a name: a word touching an unknown interpolation is partial, so it is left alone.
 */
import type { ModelRule } from '../src/api/rule.js';
import type { Resource, Value } from '../src/pulumi/model.js';
import { spell, typeName } from '../src/pulumi/spelling.js';
import { entryOf, stringOf } from '../src/pulumi/values.js';
import { beginProduction, productionDefaultVisitors, productionReason, type ProductionState } from '../src/python/environment.js';

const PLACEHOLDER_WORDS = new Set(['test', 'tests', 'testing', 'foo', 'bar', 'baz', 'foobar', 'example', 'examples', 'demo', 'sample', 'samples', 'changeme']);
/** Stands for an unknown interpolation in a name. */
const HOLE = '\u0000';
/** Stands for an interpolation while splitting words (a private-use character). */
const HOLE_WORD = '\uE000';
/** Arguments that set the physical name of a resource. */
const NAME_ARGUMENTS = ['name', 'name_prefix', 'bucket', 'bucket_prefix', 'identifier', 'identifier_prefix', 'cluster_identifier', 'function_name'];

export const placeholderResourceName: ModelRule<ProductionState> = {
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
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: beginProduction,
  visitors: { python: productionDefaultVisitors },
  program(model, context) {
    const reported = new Set<string>();
    for (const resource of model.resources) {
      if (resource.type.provider === 'component') continue;
      const reason = productionReason(context.state, model, resource.site.path);
      if (!reason) continue;
      const check = (value: Value | undefined, what: string) => {
        const site = value?.site;
        const text = value ? nameText(value) : undefined;
        const word = text === undefined ? undefined : placeholderWord(text);
        if (!site || text === undefined || !word) return;
        const key = `${site.path}:${site.source.lineOffset}:${site.start}:${site.end}`;
        if (reported.has(key)) return;
        reported.add(key);
        context.report({
          at: site,
          message: `${what} "${text.split(HOLE).join('{…}')}" of \`${typeName(resource.type, resource.language)}\` contains the placeholder word "${word}" in production (${reason}): name it after its purpose and environment.`,
        });
      };
      checkResource(resource, check);
    }
  },
};

function checkResource(resource: Resource, check: (value: Value | undefined, what: string) => void): void {
  check(resource.name, 'Resource name');
  for (const name of NAME_ARGUMENTS) check(resource.args.get(name)?.value, `\`${spell(name, resource.language)}\``);
  check(entryOf(resource.args.get('tags')?.value, 'Name'), 'Name tag');
}

/** A name's text with unknown interpolations as HOLE; undefined when it is not a string at all. */
function nameText(value: Value): string | undefined {
  if (value.kind === 'string') return value.value;
  if (value.kind !== 'template') return undefined;
  return value.parts.map((part) => (typeof part === 'string' ? part : part.kind === 'number' ? String(part.value) : (stringOf(part) ?? HOLE))).join('');
}

/**
 * The first placeholder word of a name, split on separators and camelCase humps. Words touching
 * an interpolation (`\u0000`) are partial and never match; `my` counts as a prefix word only.
 */
export function placeholderWord(text: string): string | undefined {
  const spaced = text.split(HOLE).join(HOLE_WORD).replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  const words = spaced.split(/[^A-Za-z0-9\uE000]+/).filter((word) => word.length > 0);
  for (let index = 0; index < words.length; index++) {
    const raw = words[index] ?? '';
    if (raw.includes(HOLE_WORD)) continue;
    const word = raw.toLowerCase().replace(/(?<!\d)\d+$/, '');
    if (PLACEHOLDER_WORDS.has(word)) return raw.toLowerCase();
    if (word === 'my' && index < words.length - 1) return 'my';
  }
  return undefined;
}
