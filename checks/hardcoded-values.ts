/**
 * IAC306: values that belong in lookups or configuration, written into the code: AMI IDs,
 * 12-digit account IDs inside ARNs, literal passwords, secrets, tokens and AWS access keys
 * (error), IAM principals in AWS's documentation accounts (`arn:aws:iam::123456789012:root`, an
 * error: they exist nowhere), and lists of availability-zone names (notice). Values that cannot be seen (config,
 * parameters, f-string interpolations) are never guessed; test code (test files, an answer's
 * test blocks, Pulumi mocks and fixtures anywhere) is left alone except for real-looking access keys.
 */
import type { ModelRule, UnitContext } from '../src/api/rule.js';

type UnitReporter = Pick<UnitContext, 'report'>;
import type { PythonUnit } from '../src/python/units.js';
import { callArguments, calleeName } from '../src/python/calls.js';
import { keywordMapping, mappingOf, NameResolver, snakeKey, standaloneStrings, stringTemplate, stringValue, unwrap } from '../src/python/literal-values.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { descendantsOfType } from '../src/syntax/walk.js';
import { insideTestFixture, isTestUnit } from '../src/python/test-functions.js';
import { typeScriptStringValue } from '../src/typescript/strings.js';

const ACCESS_KEY = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/;
const AMI_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
/** partition : service : region (may be interpolated) : 12-digit account : */
const ARN_ACCOUNT = /arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9{}-]*:(\d{12}):/g;
/** AWS-owned Elastic Load Balancing accounts that models paste into access-log bucket policies. */
const ELB_ACCOUNTS = new Set(['127311923021', '033677994240', '027434742980', '797873946194', '156460612806', '054676820928']);
/** IAM principals in the accounts AWS documentation uses as examples (`arn:aws:iam::123456789012:role/x`): they exist nowhere. */
const DOCUMENTATION_IAM_ARN = /arn:aws[a-z-]*:iam::(123456789012|111122223333|444455556666|777788889999|000000000000):/;
const AVAILABILITY_ZONE = /^[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d[a-z]$/;
const SECRET_KEYS = [
  /(^|_)(password|passwd|passphrase)$/,
  /(^|_)secret$/,
  /(^|_)(secret_key|secret_access_key|secret_string|private_key|api_key|apikey)$/,
  /^token$/,
  /(^|_)(auth|access|api|bearer|oauth|refresh|session|github|slack|webhook|bot)_token$/,
];
/** Stand-ins a fallback may hold while the real value comes from the lookup (`config.get_secret(...) or "placeholder-token"`). */
const PLACEHOLDER_VALUE = /^(test|dummy|placeholder|changeme|change[-_ ]?me|replace[-_ ]?me|todo|x+|\*+|<[^>]*>)$|\b(dummy|placeholder)\b/i;
/** LocalStack's documented credentials (`access_key="test"`): not AWS secrets. */
const LOCALSTACK_CREDENTIAL = /^test$/;

/** Values under a secret-looking key that are flags, references or names rather than secrets. */
const NOT_SECRET_VALUE = /^(true|false|yes|no|none|null|enabled|disabled|required|optional)$/i;
const LOOKUP_METHODS = new Set(['get', 'getenv', 'get_secret']);
/** Node types visited: most come from the shared type index, the rarer ones from one native pass. */
const INDEXED = ['string', 'list', 'keyword_argument', 'pair', 'assignment', 'dictionary', 'call'];
const RARER = ['tuple', 'default_parameter', 'typed_default_parameter'];

export const hardcodedValues: ModelRule = {
  meta: {
    id: 'IAC306',
    name: 'hardcoded-values',
    title: 'Hard-coded AMI, account or secret',
    category: 'Best Practice',
    severity: 'warning',
    why: 'AMI IDs differ per region and go stale; account IDs tie the code to one account; passwords, tokens and access keys in code leak through version control and cannot be rotated; fixed availability-zone names break in other regions and accounts. An IAM principal in the account AWS documentation uses as an example (`arn:aws:iam::123456789012:root`) is an error: it exists nowhere, and IAM refuses the policy.',
    fix: 'Look AMIs up with `aws.ec2.get_ami(...)`, read the account from `aws.get_caller_identity()`, read secrets with `config.require_secret(...)` or from Secrets Manager (`manage_master_user_password=True` for RDS), and take zones from `aws.get_availability_zones()`.',
    badExample: 'aws.ec2.Instance("web", ami="ami-0abcdef1234567890", instance_type="t3.micro")\naws.rds.Instance("db", password="SuperSecret123!", ...)',
    goodExample:
      'ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"], filters=[{"name": "name", "values": ["al2023-ami-*-x86_64"]}])\naws.ec2.Instance("web", ami=ami.id, instance_type="t3.micro")\naws.rds.Instance("db", password=config.require_secret("dbPassword"), ...)',
    seed: { report: 'model-failures-tracking', section: 'Hardcoded Values' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  visitors: {
    python: (context) => ({ 'unit:exit': () => checkPythonUnit(context.unit, context) }),
    // TypeScript: literal secrets under secret-looking names (`password: "..."`, `const dbPassword = "..."`),
    // and the literals Python's strings are judged for (access keys in tests too).
    typescript: (context) => {
      const testFile = context.unit.isTestFile;
      const literal = (node: SyntaxNode) => checkTypeScriptLiteral(node, testFile, context);
      if (testFile) return { string: literal, template_string: literal };
      return { pair: (node) => checkTypeScriptSecret(node, context), variable_declarator: (node) => checkTypeScriptSecret(node, context), string: literal, template_string: literal };
    },
  },
};

function checkPythonUnit(unit: PythonUnit, context: UnitReporter): void {
  const names = NameResolver.of(unit.root, unit.imports);
  const docstrings = standaloneStrings(unit.root);
  // Test code (a test file, or an answer's block that imports a test framework) holds fixtures, not configuration.
  const testCode = isTestUnit(unit);
  for (const node of [...descendantsOfType(unit.root, INDEXED), ...unit.root.descendantsOfType(RARER)]) {
    if (node.type === 'string') {
      if (!docstrings.has(node.id)) checkString(node, unit, testCode, context);
      continue;
    }
    if (testCode) continue;
    if (node.type === 'list' || node.type === 'tuple') checkZoneList(node, context);
    else if (node.type === 'keyword_argument' || node.type === 'pair' || node.type === 'assignment' || node.type === 'default_parameter' || node.type === 'typed_default_parameter') {
      checkSecretBinding(node, context);
    } else if (node.type === 'dictionary') {
      checkNameValueSecret(node, unit, context);
    } else if (node.type === 'call') {
      checkSecureParameter(node, unit, names, context);
    }
  }
}

function checkString(node: SyntaxNode, unit: PythonUnit, testCode: boolean, context: UnitReporter): void {
  const text = stringTemplate(node);
  if (text === undefined) return;
  // Fake account IDs and ARNs returned by Pulumi mocks and fixtures are test data; access keys never are.
  judgeLiteralText(text, testCode || insideTestFixture(node, unit.imports), 'python', (message, severity) => context.report({ node, message, ...(severity ? { severity } : {}) }));
}

/**
 * A string literal's text (holes as `\u0000`) judged for what does not belong in code: an AWS access
 * key (always), and outside test data an AMI ID or an ARN with an account ID in it.
 */
function judgeLiteralText(text: string, testData: boolean, language: 'python' | 'typescript', report: (message: string, severity?: 'error') => void): void {
  const key = text.includes('AKIA') || text.includes('ASIA') ? ACCESS_KEY.exec(text) : null;
  if (key && !text.includes('EXAMPLE')) {
    report(`Hard-coded AWS access key ID \`${key[0].slice(0, 8)}…\`: keys in code leak through version control; use an IAM role or credentials from the environment, and rotate this key.`, 'error');
    return;
  }
  if (testData) return;
  const trimmed = text.trim();
  const lookups = language === 'python' ? { ami: 'aws.ec2.get_ami(...)', account: 'aws.get_caller_identity()', elb: 'aws.elb.get_service_account()' } : { ami: 'aws.ec2.getAmi(...)', account: 'aws.getCallerIdentity()', elb: 'aws.elb.getServiceAccount()' };
  if (AMI_ID.test(trimmed)) {
    report(`Hard-coded AMI ID \`${trimmed}\`: AMI IDs differ per region and go stale; look the image up with \`${lookups.ami}\` or an SSM public parameter.`);
    return;
  }
  // Interpolations (`\u0000` in the template) may stand for the region: `arn:aws:sns:{region}:123456789012:x`.
  if (!text.includes('arn:')) return;
  const accounts = [...new Set([...text.split('\u0000').join('{}').matchAll(ARN_ACCOUNT)].map((match) => match[1]))];
  const placeholder = DOCUMENTATION_IAM_ARN.exec(text);
  if (placeholder) {
    report(`\`${placeholder[0]}...\` names \`${placeholder[1]}\`, the account AWS documentation uses as an example: no such principal exists, so IAM refuses the policy or role that names it (MalformedPolicyDocument: Invalid principal). Read the account from \`${lookups.account}\` or take the ARN from configuration.`, 'error');
    return;
  }
  if (accounts.length > 0 && accounts.every((account) => account !== undefined && ELB_ACCOUNTS.has(account))) {
    report(`ARN hard-codes the regional Elastic Load Balancing account ${accounts.map((account) => `\`${account}\``).join(', ')}: use \`${lookups.elb}\` so the policy follows the stack's region.`);
  } else if (accounts.length > 0) {
    report(`ARN hard-codes account ID ${accounts.map((account) => `\`${account}\``).join(', ')}: read the account from \`${lookups.account}\` (or the resource's \`.arn\` output) so the code works in any account.`);
  }
}

/** TypeScript literals: access keys anywhere, AMI IDs and account ARNs outside test files. */
function checkTypeScriptLiteral(node: SyntaxNode, testFile: boolean, context: UnitReporter): void {
  judgeLiteralText(typeScriptStringValue(node, '\u0000'), testFile, 'typescript', (message, severity) => context.report({ node, message, ...(severity ? { severity } : {}) }));
}

function checkZoneList(node: SyntaxNode, context: UnitReporter): void {
  const items = node.namedChildren.filter((child) => child.type !== 'comment');
  if (items.length < 2) return;
  const zones = items.map((item) => stringValue(item));
  if (!zones.every((zone): zone is string => zone !== undefined && AVAILABILITY_ZONE.test(zone))) return;
  context.report({
    node,
    severity: 'notice',
    message: `Availability zones ${zones.map((zone) => `\`${zone}\``).join(', ')} are hard-coded: take them from \`aws.get_availability_zones()\` so the stack works in other regions and accounts.`,
  });
}

function isSecretKey(key: string): boolean {
  const snake = snakeKey(key);
  return SECRET_KEYS.some((pattern) => pattern.test(snake));
}

/** `password="..."`, `"password": "..."`, `DB_PASSWORD = "..."`, `def f(password="...")`. */
function checkSecretBinding(node: SyntaxNode, context: UnitReporter): void {
  let keyName: string | undefined;
  let value: SyntaxNode | null = null;
  if (node.type === 'keyword_argument' || node.type === 'default_parameter' || node.type === 'typed_default_parameter') {
    keyName = node.childForFieldName('name')?.text;
    value = node.childForFieldName('value');
  } else if (node.type === 'pair') {
    const key = node.childForFieldName('key');
    keyName = key ? stringValue(key) : undefined;
    value = node.childForFieldName('value');
  } else {
    const left = node.childForFieldName('left');
    if (left?.type === 'identifier') keyName = left.text;
    else if (left?.type === 'attribute') keyName = left.childForFieldName('attribute')?.text;
    value = node.childForFieldName('right');
  }
  if (!keyName || !value || !isSecretKey(keyName)) return;
  const literal = secretLiteral(value);
  if (!literal) return;
  if (/^(access_key|secret_key)$/.test(snakeKey(keyName)) && LOCALSTACK_CREDENTIAL.test(stringValue(literal) ?? '')) return;
  context.report({
    node: literal,
    severity: 'error',
    message: `Hard-coded secret in \`${keyName}\`: a literal value in code leaks through version control and cannot be rotated; read it with \`config.require_secret(...)\` or from Secrets Manager.`,
  });
}

/** Container environment entries: `{"name": "DB_PASSWORD", "value": "..."}`. */
function checkNameValueSecret(node: SyntaxNode, unit: PythonUnit, context: UnitReporter): void {
  const mapping = mappingOf(node, unit.imports);
  const name = mapping?.entries.get('name');
  const value = mapping?.entries.get('value');
  const keyName = name ? stringValue(name.value) : undefined;
  if (!value || !keyName || !isSecretKey(keyName)) return;
  const literal = secretLiteral(value.value);
  if (!literal) return;
  context.report({
    node: literal,
    severity: 'error',
    message: `Hard-coded secret in environment variable \`${keyName}\`: pass it from Secrets Manager or SSM (\`secrets=[...]\` in the container definition) instead.`,
  });
}

/** `ssm.Parameter(type="SecureString", value="...")`: the secure parameter's value sits in the code. */
function checkSecureParameter(call: SyntaxNode, unit: PythonUnit, names: NameResolver, context: UnitReporter): void {
  if (calleeName(call, unit.imports) !== 'pulumi_aws.ssm.Parameter') return;
  const mapping = keywordMapping(call);
  const type = mapping?.entries.get('type');
  const value = mapping?.entries.get('value');
  if (!type || !value || names.string(type.value) !== 'SecureString') return;
  const literal = secretLiteral(value.value);
  if (!literal) return;
  context.report({
    node: literal,
    severity: 'error',
    message: 'SecureString parameter with a literal `value`: the secret is in the code; set it outside the program or read it from `config.require_secret(...)`.',
  });
}

/**
 * The literal a secret-looking binding receives: a plain string, the fallback of
 * `lookup(...) or "..."` / `config.get(key, "...")`, or the argument of `pulumi.Output.secret("...")`.
 */
function secretLiteral(value: SyntaxNode): SyntaxNode | undefined {
  let node = unwrap(value);
  // A fallback behind a lookup: a dummy there (`token or "dummy-token"`) is a stand-in, not a secret.
  let fallback = false;
  if (node.type === 'boolean_operator' && node.childForFieldName('operator')?.text === 'or') {
    node = unwrap(node.childForFieldName('right') ?? node);
    fallback = true;
  } else if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
    const args = callArguments(node);
    if (method === 'secret' && fn?.text.endsWith('Output.secret')) node = unwrap(args.positional[0] ?? node);
    else if (method && LOOKUP_METHODS.has(method)) {
      node = unwrap(args.keywords.get('default') ?? args.positional[1] ?? node);
      fallback = true;
    } else return undefined;
  }
  const text = stringValue(node);
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!trimmed || NOT_SECRET_VALUE.test(trimmed)) return undefined;
  if (fallback && PLACEHOLDER_VALUE.test(trimmed)) return undefined;
  // References and names rather than secrets: ARNs, SSM paths, dynamic references, env-var names.
  if (/^arn:/.test(trimmed) || trimmed.startsWith('/') || trimmed.startsWith('{{resolve:') || /^\$\{[^}]*\}$/.test(trimmed)) return undefined;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(trimmed)) return undefined;
  return node;
}

/** `"..."`, `pulumi.secret("...")`, or the fallback of `a || "..."` / `a ?? "..."` (dummies there are stand-ins). */
function typeScriptSecretLiteral(value: SyntaxNode): SyntaxNode | undefined {
  let node = value;
  let fallback = false;
  if (node.type === 'binary_expression' && /^(\|\||\?\?)$/.test(node.childForFieldName('operator')?.text ?? '')) {
    node = node.childForFieldName('right') ?? node;
    fallback = true;
  } else if (node.type === 'call_expression' && /(^|\.)secret$/.test(node.childForFieldName('function')?.text ?? '')) {
    node = node.childForFieldName('arguments')?.namedChildren[0] ?? node;
  }
  if (node.type !== 'string') return undefined;
  const trimmed = node.text.slice(1, -1).trim();
  if (!trimmed || NOT_SECRET_VALUE.test(trimmed) || (fallback && PLACEHOLDER_VALUE.test(trimmed))) return undefined;
  if (/^arn:/.test(trimmed) || trimmed.startsWith('/') || trimmed.startsWith('{{resolve:') || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(trimmed)) return undefined;
  return node;
}

function checkTypeScriptSecret(node: SyntaxNode, context: UnitReporter): void {
  const key = node.childForFieldName(node.type === 'pair' ? 'key' : 'name');
  const value = node.childForFieldName('value');
  if (!key || !value || (key.type !== 'property_identifier' && key.type !== 'identifier' && key.type !== 'string')) return;
  const keyName = key.type === 'string' ? key.text.slice(1, -1) : key.text;
  if (!isSecretKey(keyName)) return;
  const literal = typeScriptSecretLiteral(value);
  if (!literal) return;
  if (/^(access_key|secret_key)$/.test(snakeKey(keyName)) && LOCALSTACK_CREDENTIAL.test(literal.text.slice(1, -1))) return;
  context.report({
    node: literal,
    severity: 'error',
    message: `Hard-coded secret in \`${keyName}\`: a literal value in code leaks through version control and cannot be rotated; read it with \`config.requireSecret(...)\` or from Secrets Manager.`,
  });
}
