/**
 * IAC109's TypeScript fix: a template literal with an Output in a hole, written as a resource's
 * argument, gets the `pulumi.interpolate` tag, which waits for the Outputs and gives an
 * `Output<string>` (what a resource argument takes). The model records the hole; the template's
 * opening backtick is found by scanning the unit's text up to the hole (lexical-scan.ts).
 */
import type { ModelFix } from '../api/rule.js';
import type { OutputMisuse, Resource, Value } from '../pulumi/model.js';
import { Site } from '../pulumi/site.js';
import { scanTypeScript } from './lexical-scan.js';

/** True when the unit can write `pulumi.interpolate`: `import * as pulumi from "@pulumi/pulumi"`. */
export function importsPulumiSdk(imports: ReadonlyMap<string, string>): boolean {
  return imports.get('pulumi') === '@pulumi/pulumi';
}

/** True when `value`, or a list item or object property inside it, is the template starting at `start`. */
function holdsTemplateAt(value: Value | undefined, site: Site, start: number): boolean {
  if (!value) return false;
  if (value.kind === 'template' && value.site?.source === site.source && value.site.start === start) return true;
  if (value.kind === 'list') return value.items.some((item) => holdsTemplateAt(item, site, start));
  if (value.kind === 'dict') return [...value.entries.values()].some((entry) => holdsTemplateAt(entry, site, start));
  return false;
}

/**
 * The fix for a template misuse (`how: 'template'`, reported on the hole), or undefined unless
 * certain: the unit imports `pulumi`, the template is untagged, and it is itself a value of a
 * resource's argument (not text other code goes on using as a string).
 */
export function interpolateFix(misuse: OutputMisuse, resources: readonly Resource[], importsPulumi: boolean): ModelFix | undefined {
  if (misuse.language !== 'typescript' || misuse.how !== 'template' || !importsPulumi) return undefined;
  const site = misuse.site;
  const text = site.source.text();
  const start = scanTypeScript(text.slice(0, site.start)).openStringAt;
  if (start === undefined || text[start] !== '`') return undefined;
  // A tag (`String.raw`...) ends right before the backtick.
  if (/[\w$)\].]\s*$/.test(text.slice(Math.max(0, start - 80), start))) return undefined;
  const asArgument = resources.some((resource) => [...resource.args.values()].some((argument) => holdsTemplateAt(argument.value, site, start)));
  if (!asArgument) return undefined;
  return { description: 'Tag the template literal with `pulumi.interpolate`', edits: [{ site: new Site(site.source, start, start), text: 'pulumi.interpolate' }] };
}
