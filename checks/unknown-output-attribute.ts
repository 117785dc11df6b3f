/**
 * IAC107: reading an attribute an AWS resource (or a provider function's result) does not have:
 * `bucket.website_url` (it is `website_endpoint`), `api.url`, `db.endpoint_address`. Python
 * raises AttributeError during `pulumi up`, after part of the stack may have been created.
 * Judged on the model's attribute reads, so a resource kept in a variable, a `self` attribute or
 * passed to a helper counts; against the pinned pulumi-aws version's outputs, with the closest
 * real attribute as a suggestion.
 */
import type { ModelRule } from '../src/api/rule.js';
import { closestName } from '../src/aws/suggest.js';
import { invokeName, invokeSignature, onePerSite, RESOURCE_ATTRIBUTES, resourceSignature, TYPESCRIPT_MIXINS } from '../src/pulumi/aws-signatures.js';
import type { AttributeRead } from '../src/pulumi/model.js';
import { spell, typeName } from '../src/pulumi/spelling.js';
import { judgeForLanguage } from '../src/packaging/aws-provider-version.js';

export const unknownOutputAttribute: ModelRule = {
  meta: {
    id: 'IAC107',
    name: 'unknown-output-attribute',
    title: 'Unknown output attribute',
    category: 'Code Generation',
    severity: 'error',
    why: 'Models guess output names from other tools or from what they would like to exist (`bucket.website_url`, `api.url`, `db.endpoint_address`). The attribute does not exist on the resource object: a Python program fails with an AttributeError during `pulumi up`, often after other resources were already created; a TypeScript program does not compile. A name that exists only in the other major version (`Deployment.invoke_url`, gone in 7.x) is a warning, noted once per file, when the project pins no version.',
    fix: 'Use an output the resource has in the pinned provider version (the finding suggests the closest one), or build the value from real outputs with `pulumi.Output.concat` / `Output.format`.',
    badExample: 'bucket = aws.s3.BucketV2("site")\npulumi.export("url", bucket.website_url)',
    goodExample: 'website = aws.s3.BucketWebsiteConfigurationV2("site", bucket=bucket.id, index_document={"suffix": "index.html"})\npulumi.export("url", website.website_endpoint)',
    seed: { report: 'model-failures-tracking', section: 'Incorrect API Usage' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  program(program, context) {
    const reads = program.attributeReads.filter((read) => read.resource?.type.provider === 'aws' || read.invoke?.provider === 'aws');
    if (!reads.length) return;
    const judge = judgeForLanguage(context.project, program.language);
    // A name that exists only in the other major is one decision per file (pin the version), not one per read.
    const versionNotes = new Set<string>();
    for (const read of onePerSite(reads, (read) => read.name)) {
      if (read.name.startsWith('_')) continue;
      const signature = read.resource ? resourceSignature(judge.api, read.resource) : read.invoke ? invokeSignature(judge.api, read.invoke) : undefined;
      if (!signature) continue;
      const mixins = read.resource && read.language === 'typescript' ? (TYPESCRIPT_MIXINS[read.resource.type.key] ?? []) : [];
      const known = read.resource ? [...signature.outputs, ...RESOURCE_ATTRIBUTES, ...mixins] : [...signature.outputs];
      if (known.includes(read.name)) continue;
      // Computed outputs first (`website_endpoint`, `arn`): a guessed name is usually one of those, not an input echoed back.
      const computed = [...signature.outputs].filter((name) => !signature.args.has(name));
      // AWS calls the address of a website or API an endpoint (`website_endpoint`), where models write `_url`.
      const asEndpoint = /url$/.test(read.name) ? read.name.replace(/url$/, 'endpoint') : undefined;
      const suggestion =
        (asEndpoint && computed.includes(asEndpoint) ? asEndpoint : undefined) ?? closestName(read.name, computed) ?? closestName(read.name, signature.outputs);
      const other = judge.others().find((api) => {
        const alternative = read.resource ? resourceSignature(api, read.resource) : read.invoke ? invokeSignature(api, read.invoke) : undefined;
        return alternative?.outputs.has(read.name);
      });
      const message =
        `${owner(read)} has no attribute \`${read.written}\` in ${judge.label}${other ? ` (it exists in ${read.language === 'python' ? 'pulumi-aws' : '@pulumi/aws'} ${other.version})` : ''}` +
        (suggestion ? `; did you mean \`${spell(suggestion, read.language)}\`?` : `; its outputs include ${sample(signature.outputs, read)}.`);
      // A project that pins no version gets whichever major is installed: fine with the other one, broken with this one.
      if (other && !judge.pin) {
        const note = `${read.site.path}|${read.resource?.type.key ?? read.invoke?.key}|${read.name}`;
        if (versionNotes.has(note)) continue;
        versionNotes.add(note);
      }
      const unpinned = other && !judge.pin ? ` Only a warning: the project does not pin ${read.language === 'python' ? 'pulumi-aws' : '@pulumi/aws'}, so this depends on the version installed (pin ${read.language === 'python' ? `\`pulumi-aws<${judge.api.major}\`` : `\`"@pulumi/aws": "^${other.major}"\``} or move to what ${judge.label} offers; noted once per file).` : '';
      const uncertain = judge.uncertainty ? ` Only a warning: ${judge.uncertainty}.` : unpinned;
      context.report({ at: read, message: `${message}${uncertain}`, ...(uncertain ? { severity: 'warning' as const } : {}) });
    }
  },
};

function owner(read: AttributeRead): string {
  if (read.resource) return `\`${typeName(read.resource.type, read.language)}\`${read.resource.boundTo ? ` (\`${read.resource.boundTo}\`)` : ''}`;
  return read.invoke ? `The result of \`${invokeName(read.invoke)}\`` : 'The value';
}

function sample(outputs: ReadonlySet<string>, read: AttributeRead): string {
  const names = [...outputs].sort().slice(0, 6).map((name) => `\`${spell(name, read.language)}\``);
  return names.length ? `${names.join(', ')}${outputs.size > 6 ? ', ...' : ''}` : 'none';
}
