/**
 * IAC304: storage anyone can reach or read, and wildcard IAM. S3 public ACLs and grants to the
 * AllUsers group, public-access blocks with a flag set to False, bucket policies that allow
 * Principal "*" without a condition; RDS `publicly_accessible=True` and unencrypted storage;
 * IAM statements that allow Action "*" on Resource "*" (dicts, JSON strings and
 * `get_policy_document`); API Gateway methods without authorization (warning).
 */
import type { FileRule, FileRuleContext } from '../src/api/rule.js';
import type { PythonUnit } from '../src/python/units.js';
import { calleeName } from '../src/python/calls.js';
import { actionsText, isPublicPrincipal, isPublicPrincipalNode, isWildcard, jsonStatements, wildcardNode } from '../src/python/iam-policies.js';
import { mappingGet, mappingOf, NameResolver, standaloneStrings, stringValue, type MappingEntry } from '../src/python/literal-values.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { resourceInputs, type Inputs } from '../src/python/resource-inputs.js';
import { descendantsOfType } from '../src/syntax/walk.js';

const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
const PUBLIC_GRANTEE = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;
const ACCESS_BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const BUCKET_POLICY_HOLDERS = new Set(['pulumi_aws.s3.BucketPolicy', 'pulumi_aws.s3.Bucket', 'pulumi_aws.s3.BucketV2']);
const POLICY_DOCUMENT_CALLS = new Set(['pulumi_aws.iam.get_policy_document', 'pulumi_aws.iam.get_policy_document_output']);
/** Resources whose `storage_encrypted` defaults to false and whose omission is therefore reported. */
const ENCRYPTION_DEFAULT_OFF = new Set(['pulumi_aws.rds.Instance', 'pulumi_aws.rds.Cluster']);
/** Settings that inherit encryption from elsewhere (replicas, snapshots, global clusters) or imply it. */
const ENCRYPTION_INHERITED = [
  'replicate_source_db',
  'snapshot_identifier',
  'kms_key_id',
  'replication_source_identifier',
  'global_cluster_identifier',
  'restore_to_point_in_time',
  's3_import',
  'source_region',
];
const EXPLICIT_ENCRYPTION: Record<string, string> = {
  'pulumi_aws.ebs.Volume': 'encrypted',
  'pulumi_aws.efs.FileSystem': 'encrypted',
  'pulumi_aws.redshift.Cluster': 'encrypted',
  'pulumi_aws.elasticache.ReplicationGroup': 'at_rest_encryption_enabled',
};

function short(qualified: string): string {
  return qualified.replace(/^pulumi_aws\./, 'aws.');
}

export const publicOrUnencryptedStorage: FileRule = {
  meta: {
    id: 'IAC304',
    name: 'public-or-unencrypted-storage',
    title: 'Public or unencrypted storage, wildcard IAM',
    category: 'Security',
    severity: 'error',
    why: 'Public buckets, databases reachable from the internet, unencrypted storage and `*` on `*` IAM policies are the commonest cloud breaches; an API method without authorization can be called by anyone.',
    fix: 'Keep buckets private behind a public-access block with all four flags True (serve content through CloudFront with origin access control), set `publicly_accessible=False` and `storage_encrypted=True` on databases, grant specific actions on named resources, and give API methods an authorizer, IAM auth or an API key.',
    badExample:
      'aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", publicly_accessible=True)\npolicy = json.dumps({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})',
    goodExample:
      'aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro",\n    publicly_accessible=False, storage_encrypted=True)\npolicy = json.dumps({"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [f"{bucket_arn}/*"]}]})',
    seed: { report: 'model-failures-tracking', section: 'Security Misconfigurations' },
  },
  scope: 'file',
  check(unit, context) {
    if (unit.isTestFile) return;
    const names = NameResolver.of(unit.root, unit.imports);
    // An `*Args` object is checked where it is written and again through the resource that
    // receives it: report each offending node once.
    const reported = new Set<number>();
    const once: FileRuleContext = {
      settings: context.settings,
      report(report) {
        if (report.node && reported.has(report.node.id)) return;
        if (report.node) reported.add(report.node.id);
        context.report(report);
      },
    };
    for (const call of descendantsOfType(unit.root, 'call')) {
      const callee = calleeName(call, unit.imports);
      if (!callee?.startsWith('pulumi_aws.')) continue;
      const isArgs = /[a-z0-9](Args|ArgsDict)$/.test(callee);
      const qualified = callee.replace(/(Args|ArgsDict)$/, '');
      const inputs = resourceInputs(call, names, unit, isArgs);
      if (!inputs) continue;
      if (qualified.startsWith('pulumi_aws.s3.')) checkS3(call, qualified, inputs, names, once);
      if (/^pulumi_aws\.s3(control)?\.\w*PublicAccessBlock$/.test(qualified)) checkAccessBlock(qualified, inputs, names, once);
      if (BUCKET_POLICY_HOLDERS.has(qualified)) {
        const policy = inputs.mapping.entries.get('policy');
        if (policy) checkBucketPolicy(policy.value, names, unit, once);
      }
      if (POLICY_DOCUMENT_CALLS.has(qualified)) checkPolicyDocument(inputs, names, unit, once);
      checkDatabase(call, qualified, inputs, names, once);
      checkApiGateway(qualified, inputs, names, once);
    }
    checkIamStatements(unit, names, once);
  },
};

function checkS3(call: SyntaxNode, qualified: string, inputs: Inputs, names: NameResolver, context: FileRuleContext): void {
  const acl = inputs.mapping.entries.get('acl');
  const value = acl ? names.string(acl.value) : undefined;
  if (acl && value !== undefined && PUBLIC_ACLS.has(value)) {
    const who = value === 'authenticated-read' ? 'any AWS account' : 'anyone on the internet';
    context.report({ node: acl.value, message: `S3 ACL \`${value}\` on \`${short(qualified)}\` lets ${who} ${value === 'public-read-write' ? 'read and write' : 'read'} the objects.` });
  }
  const args = call.childForFieldName('arguments');
  if (!args) return;
  for (const node of descendantsOfType(args, 'string')) {
    const text = stringValue(node);
    const group = text ? PUBLIC_GRANTEE.exec(text) : null;
    if (group) {
      context.report({ node, message: `\`${short(qualified)}\` grants access to the ${group[1]} group: ${group[1] === 'AllUsers' ? 'anyone on the internet' : 'any AWS account'} can reach the bucket.` });
    }
  }
}

function checkAccessBlock(qualified: string, inputs: Inputs, names: NameResolver, context: FileRuleContext): void {
  const off = ACCESS_BLOCK_FLAGS.map((flag) => inputs.mapping.entries.get(flag)).filter(
    (entry): entry is MappingEntry => entry !== undefined && names.boolean(entry.value) === false,
  );
  const first = off[0];
  if (!first) return;
  context.report({
    node: first.entry,
    message: `\`${short(qualified)}\` sets ${off.map((entry) => `\`${entry.key}=False\``).join(', ')}: public ACLs or bucket policies can expose the bucket.`,
  });
}

/** Bucket policies: an Allow statement with Principal "*" (or {"AWS": "*"}) and no Condition. */
function checkBucketPolicy(value: SyntaxNode, names: NameResolver, unit: PythonUnit, context: FileRuleContext): void {
  let policy = names.resolve(value);
  // `document.json` of a get_policy_document result.
  if (policy.type === 'attribute' && policy.childForFieldName('attribute')?.text === 'json') {
    const object = policy.childForFieldName('object');
    if (object) policy = names.resolve(object);
  }
  const docstrings = standaloneStrings(policy);
  for (const node of descendantsOfType(policy, ['dictionary', 'string'])) {
    if (node.type === 'dictionary') {
      const statement = mappingOf(node, unit.imports);
      if (!statement) continue;
      const principal = statement.entries.get('Principal');
      const effect = statement.entries.get('Effect');
      if (!principal || !effect || names.string(effect.value) !== 'Allow' || statement.entries.has('Condition') || statement.open) continue;
      if (isPublicPrincipalNode(principal.value, names, unit)) {
        context.report({ node: principal.entry, message: `Bucket policy statement allows Principal \`*\`${actionsText(statement, names)} without a Condition: anyone on the internet can use it.` });
      }
    } else if (node.type === 'string' && !docstrings.has(node.id)) {
      for (const statement of jsonStatements(node)) {
        if (statement.Effect === 'Allow' && statement.Condition === undefined && isPublicPrincipal(statement.Principal)) {
          context.report({ node, message: `Bucket policy allows Principal \`*\` without a Condition: anyone on the internet can use it.` });
          break;
        }
      }
    }
  }
}

/** Allow statements with Action "*" on Resource "*": in dict literals and in JSON strings. */
function checkIamStatements(unit: PythonUnit, names: NameResolver, context: FileRuleContext): void {
  const docstrings = standaloneStrings(unit.root);
  for (const node of descendantsOfType(unit.root, ['dictionary', 'string'])) {
    if (node.type === 'dictionary') {
      const statement = node.text.includes('Action') ? mappingOf(node, unit.imports) : undefined;
      const action = statement?.entries.get('Action');
      const resource = statement?.entries.get('Resource');
      const effect = statement?.entries.get('Effect');
      if (!statement || !action || !resource || !effect || names.string(effect.value) !== 'Allow') continue;
      if (wildcardNode(action.value, names) && wildcardNode(resource.value, names)) {
        context.report({ node: action.entry, message: 'IAM statement allows Action `*` on Resource `*`: full administrator access; grant the specific actions on named resources.' });
      }
    } else if (!docstrings.has(node.id)) {
      if (jsonStatements(node).some((statement) => statement.Effect === 'Allow' && isWildcard(statement.Action) && isWildcard(statement.Resource))) {
        context.report({ node, message: 'IAM policy document allows Action `*` on Resource `*`: full administrator access; grant the specific actions on named resources.' });
      }
    }
  }
}

/** `iam.get_policy_document(statements=[{"actions": ["*"], "resources": ["*"]}])`, effect defaulting to Allow. */
function checkPolicyDocument(inputs: Inputs, names: NameResolver, unit: PythonUnit, context: FileRuleContext): void {
  const statements = inputs.mapping.entries.get('statements');
  for (const item of statements ? (names.sequence(statements.value)?.items ?? []) : []) {
    const statement = names.mapping(item, unit.imports);
    if (!statement) continue;
    const effect = mappingGet(statement, 'effect');
    const actions = mappingGet(statement, 'actions');
    const resources = mappingGet(statement, 'resources');
    if (!actions || !resources) continue;
    if (effect ? names.string(effect.value) !== 'Allow' : statement.open) continue;
    if (wildcardNode(actions.value, names) && wildcardNode(resources.value, names)) {
      context.report({ node: actions.entry, message: 'IAM policy statement allows actions `*` on resources `*`: full administrator access; grant the specific actions on named resources.' });
    }
  }
}

function checkDatabase(call: SyntaxNode, qualified: string, inputs: Inputs, names: NameResolver, context: FileRuleContext): void {
  const entries = inputs.mapping.entries;
  if (/^pulumi_aws\.(rds|redshift|neptune|docdb|dms)\./.test(qualified)) {
    const publicly = entries.get('publicly_accessible');
    if (publicly && names.boolean(publicly.value) === true) {
      context.report({ node: publicly.entry, message: `\`publicly_accessible=True\` on \`${short(qualified)}\` gives the database a public address reachable from the internet.` });
    }
  }
  if (/^pulumi_aws\.(rds|neptune|docdb)\./.test(qualified)) {
    const encrypted = entries.get('storage_encrypted');
    if (encrypted && names.boolean(encrypted.value) === false) {
      context.report({ node: encrypted.entry, message: `\`storage_encrypted=False\` on \`${short(qualified)}\` leaves the database storage unencrypted at rest.` });
    } else if (!encrypted && inputs.complete && ENCRYPTION_DEFAULT_OFF.has(qualified) && !ENCRYPTION_INHERITED.some((key) => entries.has(key))) {
      const engine = entries.get('engine');
      const engineName = engine ? names.string(engine.value) : undefined;
      const mode = entries.get('engine_mode');
      const serverless = mode !== undefined && names.string(mode.value) !== 'provisioned';
      const auroraMember = qualified === 'pulumi_aws.rds.Instance' && (engine === undefined || engineName === undefined || engineName.startsWith('aurora'));
      if (!serverless && !auroraMember) {
        context.report({
          node: call.childForFieldName('function') ?? call,
          message: `\`${short(qualified)}\` does not set \`storage_encrypted=True\`: RDS leaves the storage unencrypted unless it is asked to encrypt it.`,
        });
      }
    }
  }
  const flag = EXPLICIT_ENCRYPTION[qualified];
  const explicit = flag ? entries.get(flag) : undefined;
  if (flag && explicit && names.boolean(explicit.value) === false) {
    context.report({ node: explicit.entry, message: `\`${flag}=False\` on \`${short(qualified)}\` leaves the data unencrypted at rest.` });
  }
  if (qualified === 'pulumi_aws.ec2.Instance') {
    const devices: SyntaxNode[] = [];
    const root = entries.get('root_block_device');
    if (root) devices.push(root.value);
    const ebs = entries.get('ebs_block_devices');
    if (ebs) devices.push(...(names.sequence(ebs.value)?.items ?? []));
    for (const device of devices) {
      const mapping = names.mapping(device);
      const deviceEncrypted = mapping ? mappingGet(mapping, 'encrypted') : undefined;
      if (deviceEncrypted && names.boolean(deviceEncrypted.value) === false) {
        context.report({ node: deviceEncrypted.entry, message: `A block device of \`${short(qualified)}\` sets \`encrypted=False\`: the volume is unencrypted at rest.` });
      }
    }
  }
}

function checkApiGateway(qualified: string, inputs: Inputs, names: NameResolver, context: FileRuleContext): void {
  const entries = inputs.mapping.entries;
  if (qualified === 'pulumi_aws.apigateway.Method') {
    const authorization = entries.get('authorization');
    const method = entries.get('http_method');
    const apiKey = entries.get('api_key_required');
    if (!authorization || names.string(authorization.value)?.toUpperCase() !== 'NONE') return;
    // CORS preflight has to be unauthenticated; an API key is access control of its own.
    if (method && names.string(method.value)?.toUpperCase() === 'OPTIONS') return;
    if (apiKey && names.boolean(apiKey.value) !== false) return;
    context.report({
      node: authorization.entry,
      severity: 'warning',
      message: `API Gateway method with \`authorization="NONE"\`${method && names.string(method.value) ? ` (${names.string(method.value)})` : ''} can be called by anyone: add an authorizer, IAM auth or an API key.`,
    });
  } else if (qualified === 'pulumi_aws.apigatewayv2.Route') {
    const authorization = entries.get('authorization_type');
    const routeKey = entries.get('route_key');
    if (!authorization || names.string(authorization.value)?.toUpperCase() !== 'NONE') return;
    const key = routeKey ? names.string(routeKey.value) : undefined;
    if (key?.toUpperCase().startsWith('OPTIONS ')) return;
    context.report({
      node: authorization.entry,
      severity: 'warning',
      message: `API Gateway route${key ? ` \`${key}\`` : ''} with \`authorization_type="NONE"\` can be called by anyone: add an authorizer or IAM auth.`,
    });
  }
}
