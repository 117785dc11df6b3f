/**
 * IAC108: a value an AWS argument's type cannot take: a string where a list or a number is
 * required (`cidr_blocks="0.0.0.0/0"`, `timeout="30"`), a boolean written as a string
 * (`enable_dns_hostnames="true"`), a dict where JSON text is required (`container_definitions={...}`),
 * a list of `Key`/`Value` pairs where a map is required (`tags=[...]`), a Lambda runtime or an
 * instance size that does not exist, an AWS-managed policy ARN with the wrong path, a public hosted
 * zone for a domain AWS reserves (`example.com`), a Lambda environment variable the runtime
 * reserves (`AWS_REGION`), a log group encrypted with a key whose policy leaves CloudWatch Logs out, a
 * private REST API deployed without a resource policy, closed strings the schema leaves open (DynamoDB
 * `billing_mode`) and settings AWS refuses together (src/pulumi/impossible-settings.ts), a Lambda dead-letter
 * target or Active tracing its role may not use. Judged on the
 * program model (values through variables, dicts, helpers and loops), against the argument types
 * of the pinned pulumi-aws version, named in every message. Deprecated enum members are not wrong
 * values: IAC402 reports old Lambda runtimes, IAC104 the other deprecated values.
 */
import type { ModelRule, ProgramContext } from '../src/api/rule.js';
import type { Signature } from '../src/aws/api.js';
import { valueProblems } from '../src/pulumi/argument-values.js';
import { invokeName, invokeSignature, resourceSignature } from '../src/pulumi/aws-signatures.js';
import type { Invoke, Resource } from '../src/pulumi/model.js';
import { spell, typeName } from '../src/pulumi/spelling.js';
import { reservedDomainOf } from '../src/pulumi/reserved-domains.js';
import { LAMBDA_RESERVED_VARIABLES } from '../src/aws/lambda-reserved-variables.js';
import { entryOf } from '../src/pulumi/values.js';
import { unusableLogKeys, type UnusableLogKey } from '../src/pulumi/log-group-keys.js';
import { privateApisWithoutPolicy } from '../src/pulumi/private-apis.js';
import { badMetricRows } from '../src/pulumi/dashboard-metrics.js';
import { impossibleSettings } from '../src/pulumi/impossible-settings.js';
import { missingLambdaPermissions } from '../src/pulumi/lambda-role-checks.js';
import { judgeForLanguage, type Judge } from '../src/packaging/aws-provider-version.js';

export const invalidArgumentValue: ModelRule = {
  meta: {
    id: 'IAC108',
    name: 'invalid-argument-value',
    title: 'Invalid argument value',
    category: 'Code Generation',
    severity: 'error',
    why: 'Models write values in the shape of another tool or from memory: a single CIDR string where a list is required, a dict where the provider wants JSON text, CloudFormation-style tag lists, Lambda runtimes and instance sizes that do not exist, AWS-managed policy ARNs with the wrong path, public hosted zones for documentation domains (`example.com`), Lambda environment variables the runtime reserves (`AWS_REGION`), log groups encrypted with a KMS key whose policy does not let CloudWatch Logs use it, private REST APIs without a resource policy, a Lambda dead-letter queue or Active X-Ray tracing the function\'s role is not allowed to use. The provider or AWS rejects them at `pulumi up`. A number or boolean written as a string (`"30"`, `"true"`) is an error in TypeScript, where the program does not compile, and a notice in Python, where the provider converts it and only the SDK\'s declared type says otherwise.',
    fix: 'Give the argument the type the provider declares for the pinned version (the finding names it): a list (`["0.0.0.0/0"]`), a real boolean or number, `json.dumps(...)` / `JSON.stringify(...)` for JSON documents, a dict / object for tags, an existing runtime or size.',
    badExample: 'aws.ec2.SecurityGroup("web", ingress=[{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": "0.0.0.0/0"}])',
    goodExample: 'aws.ec2.SecurityGroup("web", ingress=[{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}])',
    seed: { report: 'model-failures-tracking', section: 'Incorrect API Usage' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  program(program, context) {
    const needsTable = program.resources.some((resource) => resource.type.provider === 'aws') || program.invokes.length > 0;
    if (!needsTable) return;
    const judge = judgeForLanguage(context.project, program.language);
    for (const resource of program.resources) {
      const signature = resourceSignature(judge.api, resource);
      if (signature) check(resource, signature, `\`${typeName(resource.type, resource.language)}\``, judge, context);
      if (resource.type.key === 'route53.Zone') checkZoneName(resource, context);
      if (resource.type.key === 'lambda.Function') checkReservedVariables(resource, context);
      if (resource.type.key === 'cloudwatch.Dashboard') checkDashboardRows(resource, context);
      for (const setting of impossibleSettings(resource)) {
        context.report({ at: setting.at, message: `\`${spell(setting.path, resource.language)}\` of \`${typeName(resource.type, resource.language)}\` ${setting.message}` });
      }
    }
    for (const unusable of unusableLogKeys(program)) reportUnusableLogKey(unusable, context);
    for (const api of privateApisWithoutPolicy(program)) reportPrivateApiWithoutPolicy(api, context);
    for (const missing of missingLambdaPermissions(program)) {
      const { fn, role, setting, action, needs } = missing;
      context.report({
        at: setting,
        message: `\`${spell(setting.name, fn.language)}\` of \`${typeName(fn.type, fn.language)}\` needs \`${action}\` for ${needs}, and no policy of its role \`${typeName(role.type, role.language)}\` allows it: Lambda checks the role when it creates the function and refuses it (InvalidParameterValueException). Grant \`${action}\` on that target in the role's policy.`,
      });
    }
    for (const invoke of program.invokes) {
      const signature = invokeSignature(judge.api, invoke);
      if (signature) check(invoke, signature, `\`${invokeName(invoke)}\``, judge, context);
    }
  },
};

function check(call: Resource | Invoke, signature: Signature, shown: string, judge: Judge, context: ProgramContext): void {
  for (const argument of call.args.values()) {
    const spec = signature.args.get(argument.name);
    if (!spec) continue;
    for (const problem of valueProblems(judge.api, argument.value, spec.type, argument.name, call.language)) {
      const path = spell(problem.path, call.language);
      const message = `\`${path}\` of ${shown} (${judge.label}) ${problem.message}`;
      const severity = judge.uncertainty && problem.severity === 'error' ? 'warning' : problem.severity;
      // At the value when it is written inside the argument, else at the argument (a constant defined elsewhere).
      const inside = problem.value.site && argument.site && problem.value.site.source === argument.site.source && problem.value.site.start >= argument.site.start && problem.value.site.end <= argument.site.end;
      context.report({
        at: inside || !argument.site ? problem.value : argument,
        message: judge.uncertainty && problem.severity === 'error' ? `${message} Only a warning: ${judge.uncertainty}.` : message,
        ...(severity !== 'error' ? { severity } : {}),
      });
    }
  }
}


/** A public hosted zone for a domain AWS reserves (`example.com`): Route 53 refuses to create it. */
function checkZoneName(zone: Resource, context: ProgramContext): void {
  const name = zone.args.get('name');
  if (!name || zone.args.has('vpcs')) return;
  const domain = reservedDomainOf(name.value);
  if (!domain) return;
  context.report({
    at: name.value.site ? name.value : name,
    message: `\`${spell('name', zone.language)}\` of \`${typeName(zone.type, zone.language)}\` ends in \`${domain}\`, a domain reserved for documentation and tests: Route 53 does not create a public hosted zone for it (InvalidDomainName), so \`pulumi up\` fails. Use a domain the account owns, read from configuration.`,
  });
}

/** `environment.variables` setting a key the Lambda runtime reserves (`AWS_REGION`): CreateFunction refuses it. */
function checkReservedVariables(fn: Resource, context: ProgramContext): void {
  const variables = entryOf(fn.args.get('environment')?.value, 'variables');
  if (variables?.kind !== 'dict') return;
  for (const [key, value] of variables.entries) {
    if (!LAMBDA_RESERVED_VARIABLES.has(key)) continue;
    const site = variables.entrySites?.get(key) ?? value.site;
    context.report({
      at: site,
      message: `\`${key}\` in the environment of \`${typeName(fn.type, fn.language)}\` is a variable the Lambda runtime sets itself: AWS refuses reserved keys (InvalidParameterValueException), so \`pulumi up\` fails. Drop it; the function reads \`${key}\` from its environment anyway${key === 'AWS_REGION' ? '' : ', or pass the value under another name'}.`,
    });
  }
}

/** A log group encrypted with a key of the program whose policy does not let CloudWatch Logs use it. */
function reportUnusableLogKey({ logGroup, key, value, reason }: UnusableLogKey, context: ProgramContext): void {
  const keyName = `\`${typeName(key.type, key.language)}\``;
  const why = reason === 'no-policy' ? `${keyName} has no key policy, and the default one does not let CloudWatch Logs use the key` : `the policy of ${keyName} never names the CloudWatch Logs service`;
  context.report({
    at: value.site ? value : logGroup.args.get('kms_key_id'),
    message: `\`${spell('kms_key_id', logGroup.language)}\` of \`${typeName(logGroup.type, logGroup.language)}\`: ${why}, so creating the log group fails (AccessDeniedException). Add a key policy statement allowing \`logs.<region>.amazonaws.com\` kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey* and kms:Describe*.`,
  });
}

/** A private REST API deployed without a resource policy: API Gateway refuses the deployment. */
function reportPrivateApiWithoutPolicy(api: Resource, context: ProgramContext): void {
  const configuration = api.args.get('endpoint_configuration');
  context.report({
    at: configuration ?? api,
    message: `\`${typeName(api.type, api.language)}\` is a PRIVATE API without a resource policy: API Gateway refuses to deploy it ("Private REST API doesn't have a resource policy attached to it"). Give it \`${spell('policy', api.language)}\` (or an \`aws.apigateway.RestApiPolicy\`) allowing \`execute-api:Invoke\` through your VPC endpoint, or make it REGIONAL.`,
  });
}

/** Dashboard metric rows CloudWatch rejects: dimensions written as an object, options not last. */
function checkDashboardRows(dashboard: Resource, context: ProgramContext): void {
  const body = dashboard.args.get('dashboard_body');
  for (const { options, keys, misplaced } of badMetricRows(body?.value)) {
    const what = keys.length
      ? `has ${keys.map((key) => `\`${key}\``).join(', ')}, which ${keys.length > 1 ? 'are' : 'is'} not a rendering property (dimensions go in the row as name, value pairs: \`["AWS/Lambda", "Errors", "FunctionName", name]\`)`
      : 'is not the last element of its row';
    context.report({
      at: options.site ? options : body,
      message: `A metric row's options object in the \`${spell('dashboard_body', dashboard.language)}\` of \`${typeName(dashboard.type, dashboard.language)}\` ${what}${misplaced && keys.length ? ', and is not the last element of its row' : ''}: CloudWatch rejects the dashboard body (InvalidParameterInput), so \`pulumi up\` fails.`,
    });
  }
}
