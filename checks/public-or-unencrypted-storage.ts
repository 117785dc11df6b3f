/**
 * IAC304: storage anyone can reach or read, and IAM that grants too much, judged on the program
 * model. S3 public ACLs and grants to the AllUsers group, public-access blocks with a flag set
 * to False, bucket policies that allow Principal "*" without a condition; RDS
 * `publicly_accessible=True` and unencrypted storage; IAM statements that allow Action "*" on
 * Resource "*" (errors) or destructive and privilege-escalating actions on Resource "*"
 * (warnings, src/aws/iam-actions.ts), wherever the policy is written: dicts, JSON strings,
 * `json.dumps`, `Output.json_dumps`, `apply(lambda ...: json.dumps(...))`, `get_policy_document`;
 * API Gateway methods without authorization (warning). Args objects are judged where they are
 * built, even when no visible resource receives them.
 */
import type { ModelRule } from '../src/api/rule.js';
import { actionRisk, riskReason, type ActionRisk } from '../src/aws/iam-actions.js';
import type { ProgramModel, Site, Value } from '../src/pulumi/model.js';
import { BySite } from '../src/pulumi/site.js';
import { documentStatements, entrySite, policyStatements, type PolicyStatement } from '../src/pulumi/policy-documents.js';
import { argumentExample, typeName } from '../src/pulumi/spelling.js';
import { booleanOf, stringOf, stringsIn, writtenSite } from '../src/pulumi/values.js';

const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
const PUBLIC_GRANTEE = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;
const ACCESS_BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const ACCESS_BLOCK = /^s3(control)?\.\w*PublicAccessBlock$/;
const BUCKET_POLICY_HOLDERS = new Set(['s3.BucketPolicy', 's3.Bucket', 's3.BucketV2']);
/** Resources whose `storage_encrypted` defaults to false and whose omission is therefore reported. */
const ENCRYPTION_DEFAULT_OFF = new Set(['rds.Instance', 'rds.Cluster']);
/** Settings that inherit encryption from elsewhere (replicas, snapshots, global clusters) or imply it. */
const ENCRYPTION_INHERITED = ['replicate_source_db', 'snapshot_identifier', 'kms_key_id', 'replication_source_identifier', 'global_cluster_identifier', 'restore_to_point_in_time', 's3_import', 'source_region'];
const EXPLICIT_ENCRYPTION: Record<string, string> = {
  'ebs.Volume': 'encrypted',
  'efs.FileSystem': 'encrypted',
  'redshift.Cluster': 'encrypted',
  'elasticache.ReplicationGroup': 'at_rest_encryption_enabled',
};
const FULL_ACCESS = 'full administrator access; grant the specific actions on named resources.';

/** The inputs of a resource, or of an Args object built for one (`rds.InstanceArgs(...)`). */
interface Inputs {
  /** Canonical resource type key (`rds.Instance`). */
  key: string;
  /** The type as the program's language names it, for messages (`aws.rds.Instance`). */
  type: string;
  language: 'python' | 'typescript';
  get(name: string): { value: Value; site: Site | undefined } | undefined;
  has(name: string): boolean;
  /** Every input's value. */
  values(): Iterable<Value>;
  /** Every input is visible: only then is an omitted setting judged (never on a loose Args object). */
  complete: boolean;
  /** The constructor (or Args object) to point at. */
  site: Site;
}

/** Reports at the first of `sites` in a reviewed file; once per position and `topic` (the message by default). */
type Report = (sites: readonly (Site | undefined)[], message: string, severity?: 'warning', topic?: string) => void;

export const publicOrUnencryptedStorage: ModelRule = {
  meta: {
    id: 'IAC304',
    name: 'public-or-unencrypted-storage',
    title: 'Public or unencrypted storage, wildcard IAM',
    category: 'Security',
    severity: 'error',
    why: 'Public buckets, databases reachable from the internet, unencrypted storage and `*` on `*` IAM policies are the commonest cloud breaches; deletes, terminations and privilege-escalating IAM actions (`iam:PassRole`, `iam:*`) on every resource turn one leaked credential into a lost account (a warning; an error when a whole service, `s3:*`, is granted on every resource); an API method without authorization can be called by anyone.',
    fix: 'Keep buckets private behind a public-access block with all four flags True (serve content through CloudFront with origin access control), set `publicly_accessible=False` and `storage_encrypted=True` on databases, grant specific actions on named resources (or add a Condition), and give API methods an authorizer, IAM auth or an API key.',
    badExample:
      'aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", publicly_accessible=True)\naws.iam.RolePolicy("app", role=role.id, policy=json.dumps({"Statement": [\n    {"Effect": "Allow", "Action": "*", "Resource": "*"},\n    {"Effect": "Allow", "Action": ["iam:PassRole", "s3:*"], "Resource": "*"}]}))',
    goodExample:
      'aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro",\n    publicly_accessible=False, storage_encrypted=True)\naws.iam.RolePolicy("app", role=role.id, policy=bucket.arn.apply(lambda arn: json.dumps({"Statement": [\n    {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [f"{arn}/*"]}]})))',
    seed: { report: 'model-failures-tracking', section: 'Security Misconfigurations' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  program(program, context) {
    const reviewed = new Set(context.project.files.map((file) => file.path));
    const reported = new Set<string>();
    // The first site in a reviewed file; each finding once however often its code runs.
    const report: Report = (sites, message, severity, topic) => {
      const known = sites.filter((site): site is Site => site !== undefined);
      const at = known.find((site) => reviewed.has(site.path)) ?? known[known.length - 1];
      if (!at) return;
      const key = `${at.path}:${at.source.lineOffset}:${at.start}:${at.end}:${topic ?? message}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({ at, message, ...(severity ? { severity } : {}) });
    };
    const openMethods = new BySite<Grouped>();
    for (const inputs of inputsOf(program)) {
      if (inputs.key.startsWith('s3.')) checkS3(inputs, report);
      if (ACCESS_BLOCK.test(inputs.key)) checkAccessBlock(inputs, report);
      if (BUCKET_POLICY_HOLDERS.has(inputs.key)) checkBucketPolicy(inputs, report);
      checkDatabase(inputs, report);
      checkApiGateway(inputs, openMethods);
    }
    reportGroups(openMethods, report);
    checkIamStatements(program, report);
  },
};

function* inputsOf(program: ProgramModel): Generator<Inputs> {
  for (const resource of program.resources) {
    if (resource.type.provider !== 'aws') continue;
    yield {
      key: resource.type.key,
      type: typeName(resource.type, resource.language),
      language: resource.language,
      get: (name) => {
        const argument = resource.args.get(name);
        return argument && { value: argument.value, site: argument.site ?? argument.value.site };
      },
      has: (name) => resource.args.has(name),
      values: () => [...resource.args.values()].map((argument) => argument.value),
      complete: !resource.argsOpen,
      site: resource.site,
    };
  }
  for (const object of program.argsObjects) {
    const key = object.argsType?.replace(/Args$/, '');
    if (!key || !object.site) continue;
    const [module = '', name = ''] = key.split('.');
    yield {
      key,
      type: typeName({ provider: 'aws', module, name }, program.language),
      language: program.language,
      get: (entryName) => {
        const value = object.entries.get(entryName);
        return value && { value, site: object.entrySites?.get(entryName) ?? value.site };
      },
      has: (entryName) => object.entries.has(entryName),
      values: () => object.entries.values(),
      complete: false,
      site: object.site,
    };
  }
}

function checkS3(inputs: Inputs, report: Report): void {
  const acl = inputs.get('acl');
  const value = stringOf(acl?.value);
  if (acl && value !== undefined && PUBLIC_ACLS.has(value)) {
    const who = value === 'authenticated-read' ? 'any AWS account' : 'anyone on the internet';
    report([acl.value.site, acl.site, inputs.site], `S3 ACL \`${value}\` on \`${inputs.type}\` lets ${who} ${value === 'public-read-write' ? 'read and write' : 'read'} the objects.`);
  }
  for (const value of inputs.values()) {
    for (const text of stringsIn(value)) {
      const group = PUBLIC_GRANTEE.exec(text.value);
      // A grantee Args object is judged again through the resource that holds it: once per string.
      if (group) report([text.site, inputs.site], `\`${inputs.type}\` grants access to the ${group[1]} group: ${group[1] === 'AllUsers' ? 'anyone on the internet' : 'any AWS account'} can reach the bucket.`, undefined, 'grantee');
    }
  }
}

function checkAccessBlock(inputs: Inputs, report: Report): void {
  const off = ACCESS_BLOCK_FLAGS.filter((flag) => booleanOf(inputs.get(flag)?.value) === false);
  const first = off[0] ? inputs.get(off[0]) : undefined;
  if (!first) return;
  report(
    [first.site, inputs.site],
    `\`${inputs.type}\` sets ${off.map((flag) => `\`${argumentExample(flag, inputs.language === 'python' ? 'False' : 'false', inputs.language)}\``).join(', ')}: public ACLs or bucket policies can expose the bucket.`,
  );
}

/** Bucket policies: an Allow statement with Principal "*" (or {"AWS": "*"}) and no Condition. */
function checkBucketPolicy(inputs: Inputs, report: Report): void {
  const policy = inputs.get('policy');
  for (const statement of policyStatements(policy?.value)) {
    const { facts } = statement;
    if (facts.effect !== 'Allow' || facts.conditioned || !facts.publicPrincipal) continue;
    const actions = facts.actions.length ? ` (${facts.actions.map((action) => `\`${action}\``).join(', ')})` : '';
    report(
      [entrySite(statement, 'Principal', 'NotPrincipal'), policy?.site, inputs.site],
      statement.dict ? `Bucket policy statement allows Principal \`*\`${actions} without a Condition: anyone on the internet can use it.` : 'Bucket policy allows Principal `*` without a Condition: anyone on the internet can use it.',
    );
  }
}

/** Every IAM statement the program writes, in resources' and Args objects' inputs and in `get_policy_document` calls. */
function checkIamStatements(program: ProgramModel, report: Report): void {
  const seen = new Set<Value>();
  const risky = new BySite<Grouped>();
  for (const resource of program.resources) {
    if (resource.type.provider !== 'aws') continue;
    for (const argument of resource.args.values()) {
      for (const statement of policyStatements(argument.value, seen)) judgeStatement(statement, [argument.site, resource.site], report, risky);
    }
  }
  for (const object of program.argsObjects) {
    for (const statement of policyStatements(object, seen)) judgeStatement(statement, [object.site], report, risky);
  }
  for (const invoke of program.invokes) {
    if (invoke.provider !== 'aws' || invoke.key !== 'iam.get_policy_document') continue;
    const statements = invoke.args.get('statements');
    for (const statement of documentStatements(statements?.value)) judgeStatement(statement, [statements?.site, invoke.site], report, risky);
  }
  reportGroups(risky, report);
}

/** A finding written once and run several times (API methods made in a loop over HTTP verbs, a statement per action): one finding naming each. */
interface Grouped {
  sites: readonly (Site | undefined)[];
  names: string[];
  message: (names: readonly string[]) => string;
  /** An error rather than a warning: a whole service (`s3:*`) on every resource. */
  error: boolean;
}

function addNamed(groups: BySite<Grouped>, sites: readonly (Site | undefined)[], topic: string, names: readonly string[], message: Grouped['message'], error = false): void {
  const entry = groups.at(sites.find((site) => site !== undefined), topic, () => ({ sites, names: [], message, error }));
  entry.error ||= error;
  for (const name of names) if (!entry.names.includes(name)) entry.names.push(name);
}

function reportGroups(groups: BySite<Grouped>, report: Report): void {
  for (const { sites, names, message, error } of groups.values()) report(sites, message(names), error ? undefined : 'warning');
}

/** `s3:*`: every action of one service, its deletes among them. */
const SERVICE_WIDE = /^[a-z0-9-]+:\*$/i;

function judgeStatement(statement: PolicyStatement, fallback: readonly (Site | undefined)[], report: Report, risky: BySite<Grouped>): void {
  const { facts } = statement;
  if (facts.effect !== 'Allow' || !facts.allResources) return;
  const at = [entrySite(statement, statement.form === 'json' ? 'Action' : 'actions'), ...fallback];
  const risks = facts.actions.map(actionRisk).filter((risk): risk is ActionRisk => risk !== undefined);
  if (risks.some((risk) => risk.kind === 'admin')) {
    const subject = statement.form === 'document' ? 'IAM policy statement allows actions `*` on resources `*`' : statement.dict ? 'IAM statement allows Action `*` on Resource `*`' : 'IAM policy document allows Action `*` on Resource `*`';
    report(at, `${subject}: ${FULL_ACCESS}`);
    return;
  }
  // In a resource-based policy `Resource: "*"` is the resource itself; a condition scopes the grant.
  if (risks.length === 0 || facts.hasPrincipal || facts.conditioned) return;
  const subject = `IAM ${statement.dict ? 'statement' : 'policy document'}`;
  addNamed(risky, at, subject, risks.map((risk) => `\`${risk.pattern}\` (${riskReason(risk)})`), (listed) => {
    const more = listed.length > 4 ? ` and ${listed.length - 4} more` : '';
    return `${subject} allows ${listed.slice(0, 4).join(', ')}${more} on every resource (\`*\`): scope it to the ARNs it needs or add a Condition.`;
  }, risks.some((risk) => SERVICE_WIDE.test(risk.pattern)));
}

function checkDatabase(inputs: Inputs, report: Report): void {
  const module = inputs.key.split('.')[0] ?? '';
  const flag = (name: string, value: boolean) => argumentExample(name, inputs.language === 'python' ? (value ? 'True' : 'False') : String(value), inputs.language);
  if (['rds', 'redshift', 'neptune', 'docdb', 'dms'].includes(module)) {
    const publicly = inputs.get('publicly_accessible');
    if (publicly && booleanOf(publicly.value) === true) {
      report([publicly.site, inputs.site], `\`${flag('publicly_accessible', true)}\` on \`${inputs.type}\` gives the database a public address reachable from the internet.`);
    }
  }
  if (['rds', 'neptune', 'docdb'].includes(module)) {
    const encrypted = inputs.get('storage_encrypted');
    if (encrypted && booleanOf(encrypted.value) === false) {
      report([encrypted.site, inputs.site], `\`${flag('storage_encrypted', false)}\` on \`${inputs.type}\` leaves the database storage unencrypted at rest.`);
    } else if (!encrypted && inputs.complete && ENCRYPTION_DEFAULT_OFF.has(inputs.key) && !ENCRYPTION_INHERITED.some((key) => inputs.has(key))) {
      const engine = inputs.get('engine');
      const engineName = stringOf(engine?.value);
      const mode = inputs.get('engine_mode');
      const serverless = mode !== undefined && stringOf(mode.value) !== 'provisioned';
      const auroraMember = inputs.key === 'rds.Instance' && (engine === undefined || engineName === undefined || engineName.startsWith('aurora'));
      if (!serverless && !auroraMember) {
        report([inputs.site], `\`${inputs.type}\` does not set \`${flag('storage_encrypted', true)}\`: RDS leaves the storage unencrypted unless it is asked to encrypt it.`);
      }
    }
  }
  const explicitFlag = EXPLICIT_ENCRYPTION[inputs.key];
  const explicit = explicitFlag ? inputs.get(explicitFlag) : undefined;
  if (explicitFlag && explicit && booleanOf(explicit.value) === false) {
    report([explicit.site, inputs.site], `\`${flag(explicitFlag, false)}\` on \`${inputs.type}\` leaves the data unencrypted at rest.`);
  }
  if (inputs.key === 'ec2.Instance') {
    const root = inputs.get('root_block_device')?.value;
    const ebs = inputs.get('ebs_block_devices')?.value;
    const devices = [...(root ? [root] : []), ...(ebs?.kind === 'list' ? ebs.items : [])];
    for (const device of devices) {
      if (device.kind !== 'dict') continue;
      const deviceEncrypted = device.entries.get('encrypted');
      if (deviceEncrypted && booleanOf(deviceEncrypted) === false) {
        report([device.entrySites?.get('encrypted') ?? writtenSite([device, deviceEncrypted]), inputs.site], `A block device of \`${inputs.type}\` sets \`${flag('encrypted', false)}\`: the volume is unencrypted at rest.`);
      }
    }
  }
}

function checkApiGateway(inputs: Inputs, openMethods: BySite<Grouped>): void {
  const text = (name: string) => stringOf(inputs.get(name)?.value);
  if (inputs.key === 'apigateway.Method') {
    const authorization = inputs.get('authorization');
    const method = text('http_method');
    const apiKey = inputs.get('api_key_required');
    if (!authorization || stringOf(authorization.value)?.toUpperCase() !== 'NONE') return;
    // CORS preflight has to be unauthenticated; an API key is access control of its own.
    if (method?.toUpperCase() === 'OPTIONS') return;
    if (apiKey && booleanOf(apiKey.value) !== false) return;
    const setting = argumentExample('authorization', '"NONE"', inputs.language);
    addNamed(openMethods, [authorization.site, inputs.site], 'method', method ? [method] : [], (methods) => `API Gateway method with \`${setting}\`${methods.length ? ` (${methods.join(', ')})` : ''} can be called by anyone: add an authorizer, IAM auth or an API key.`);
  } else if (inputs.key === 'apigatewayv2.Route') {
    const authorization = inputs.get('authorization_type');
    if (!authorization || stringOf(authorization.value)?.toUpperCase() !== 'NONE') return;
    const key = text('route_key');
    if (key?.toUpperCase().startsWith('OPTIONS ')) return;
    const setting = argumentExample('authorization_type', '"NONE"', inputs.language);
    addNamed(openMethods, [authorization.site, inputs.site], 'route', key ? [`\`${key}\``] : [], (keys) => `API Gateway route${keys.length ? ` ${keys.join(', ')}` : ''} with \`${setting}\` can be called by anyone: add an authorizer or IAM auth.`);
  }
}
