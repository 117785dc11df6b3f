/**
 * IAC106: an AWS resource or provider function called without an argument its type requires
 * (`aws.ec2.Subnet("s", cidr_block=...)` without `vpc_id`). The Python SDK raises
 * "Missing required property" before anything deploys; an invoke fails in the provider.
 * Judged on the program model, so arguments given through a dict, an `*Args` object or a
 * helper's parameter count; a call whose arguments may carry more than the model sees
 * (`**kwargs`, an unknown `args=` object) is left alone. Against the table of the project's
 * pinned pulumi-aws version, named in every message.
 */
import type { ModelRule, ProgramContext } from '../src/api/rule.js';
import type { Signature } from '../src/aws/api.js';
import { invokeName, invokeSignature, onePerSite, resourceSignature } from '../src/pulumi/aws-signatures.js';
import type { Invoke, Resource, SourceLanguage } from '../src/pulumi/model.js';
import { spell, typeName } from '../src/pulumi/spelling.js';
import { judgeForLanguage, type Judge } from '../src/packaging/aws-provider-version.js';

export const missingRequiredArgument: ModelRule = {
  meta: {
    id: 'IAC106',
    name: 'missing-required-argument',
    title: 'Missing required argument',
    category: 'Code Generation',
    severity: 'error',
    why: 'Models leave out arguments a resource cannot exist without (a subnet without `vpc_id`, a Lambda function without `role`, an alarm without `comparison_operator`). The Python SDK raises "Missing required property" when the program runs, so `pulumi preview` stops; in TypeScript the program does not compile (the missing input is required by the args type).',
    fix: 'Pass every argument the provider marks as required for the pinned pulumi-aws version; the finding names them as the language writes them (`vpc_id` / `vpcId`). Arguments that may arrive through `**kwargs`, a spread or an args object the model cannot see are not judged.',
    badExample: 'aws.ec2.Subnet("public", cidr_block="10.0.1.0/24")',
    goodExample: 'aws.ec2.Subnet("public", vpc_id=vpc.id, cidr_block="10.0.1.0/24")',
    seed: { report: 'model-failures-tracking', section: 'Incorrect API Usage' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  program(program, context) {
    const needsTable = program.resources.some((resource) => resource.type.provider === 'aws') || program.invokes.length > 0;
    if (!needsTable) return;
    const judge = judgeForLanguage(context.project, program.language);
    for (const resource of program.resources) {
      if (resource.argsOpen) continue;
      const signature = resourceSignature(judge.api, resource);
      if (signature) check(resource, signature, `\`${typeName(resource.type, resource.language)}\``, judge, context);
    }
    for (const invoke of onePerSite(program.invokes, (invoke) => [...invoke.args.keys()].join(','))) {
      if (invoke.argsOpen) continue;
      const signature = invokeSignature(judge.api, invoke);
      if (signature) check(invoke, signature, `\`${invokeName(invoke)}\``, judge, context);
    }
  },
};

/**
 * An argument that is missing, or given as `None`/`undefined` (the SDK treats that as not given).
 * `None` counts only in code a visible caller runs: a method no visible code calls runs with the
 * object as the model last saw it, where a field may still hold the `None` a guard tests for.
 */
function missing(call: Resource | Invoke, name: string): boolean {
  const value = call.args.get(name)?.value;
  return value === undefined || (value.kind === 'null' && call.context.calledFromVisibleCode);
}

function check(call: Resource | Invoke, signature: Signature, shown: string, judge: Judge, context: ProgramContext): void {
  const absent = signature.required.filter((name) => missing(call, name));
  if (!absent.length) return;
  const language: SourceLanguage = call.language;
  const names = absent.map((name) => `\`${spell(name, language)}\``);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const kind = signature.kind === 'function' ? 'the call' : '`pulumi preview`';
  const message = `${shown} is called without ${list}, which ${judge.label} requires: ${kind} fails with "Missing required ${absent.length > 1 ? 'properties' : 'property'}".`;
  context.report({
    at: call,
    message: judge.uncertainty ? `${message} Only a warning: ${judge.uncertainty}.` : message,
    ...(judge.uncertainty ? { severity: 'warning' as const } : {}),
  });
}
