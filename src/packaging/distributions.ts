/**
 * Which installable distribution provides an imported module, for the modules generated
 * infrastructure code commonly imports. Deliberately a curated list: a module not listed here
 * is never called "missing from the requirements" (it may be local, vendored or namespaced).
 */
import { normalizeName } from './pep440.js';

/** Import name -> distributions (PEP 503-normalised) that provide it, where the names differ. */
const PROVIDED_BY: Record<string, readonly string[]> = {
  yaml: ['pyyaml'],
  dateutil: ['python-dateutil'],
  jwt: ['pyjwt'],
  dotenv: ['python-dotenv'],
  attr: ['attrs'],
  grpc: ['grpcio'],
  psycopg2: ['psycopg2', 'psycopg2-binary'],
  psycopg: ['psycopg', 'psycopg-binary'],
  pymysql: ['pymysql'],
  aws_lambda_powertools: ['aws-lambda-powertools'],
  aws_xray_sdk: ['aws-xray-sdk'],
  requests_aws4auth: ['requests-aws4auth'],
  typing_extensions: ['typing-extensions'],
  opensearchpy: ['opensearch-py'],
  _pytest: ['pytest'],
  jose: ['python-jose'],
  nacl: ['pynacl'],
  OpenSSL: ['pyopenssl'],
};

/**
 * Third-party modules this check knows (beyond `pulumi` and `pulumi_*`, which follow the
 * `pulumi_x` -> `pulumi-x` naming rule, and `mypy_boto3_*`).
 */
const KNOWN_THIRD_PARTY = new Set([
  'boto3', 'botocore', 's3transfer', 'jmespath', 'requests', 'urllib3', 'certifi', 'yaml', 'jinja2', 'pydantic',
  'attr', 'attrs', 'click', 'typer', 'dateutil', 'jwt', 'cryptography', 'moto', 'pytest', '_pytest', 'hypothesis',
  'aws_lambda_powertools', 'aws_xray_sdk', 'psycopg2', 'psycopg', 'pymysql', 'sqlalchemy', 'redis', 'paramiko',
  'docker', 'kubernetes', 'numpy', 'pandas', 'dotenv', 'deepdiff', 'jsonschema', 'toml', 'tomli', 'tomlkit',
  'packaging', 'semver', 'parver', 'typing_extensions', 'grpc', 'responses', 'freezegun', 'requests_aws4auth',
  'opensearchpy', 'elasticsearch', 'httpx', 'aiohttp', 'tenacity', 'jose', 'nacl', 'OpenSSL', 'six', 'dill',
]);

/**
 * Modules another listed distribution installs with it (its declared dependencies), so code that
 * imports them works even though they are not listed themselves.
 */
const INSTALLS: Record<string, readonly string[]> = {
  pulumi: ['grpc', 'google', 'dill', 'six', 'semver', 'yaml', 'debugpy', 'pip'],
  boto3: ['botocore', 's3transfer', 'jmespath', 'dateutil', 'urllib3'],
  botocore: ['jmespath', 'dateutil', 'urllib3'],
  requests: ['urllib3', 'idna', 'certifi', 'charset_normalizer'],
  moto: ['boto3', 'botocore', 's3transfer', 'jmespath', 'dateutil', 'urllib3', 'requests', 'responses', 'cryptography', 'jinja2', 'werkzeug', 'xmltodict'],
  pytest: ['_pytest', 'pluggy', 'iniconfig', 'packaging'],
  pydantic: ['typing_extensions', 'pydantic_core', 'annotated_types'],
  'aws-lambda-powertools': ['jmespath', 'typing_extensions'],
  'aws-xray-sdk': ['botocore', 'wrapt'],
  'boto3-stubs': ['botocore_stubs', 'types_s3transfer'],
  jsonschema: ['attr', 'attrs', 'referencing', 'rpds', 'jsonschema_specifications'],
  hypothesis: ['attr', 'attrs', 'sortedcontainers'],
  httpx: ['httpcore', 'certifi', 'idna', 'anyio', 'sniffio'],
  kubernetes: ['yaml', 'dateutil', 'urllib3', 'requests', 'certifi', 'six', 'google'],
  docker: ['requests', 'urllib3'],
};

/** Modules the AWS Lambda Python runtime provides to function code. */
export const LAMBDA_RUNTIME_MODULES: ReadonlySet<string> = new Set(['boto3', 'botocore', 's3transfer', 'jmespath', 'dateutil', 'urllib3', 'six']);

/** Modules owned by other rules (CDK, CDKTF: foreign IaC, IAC601) and never reported here. */
export const FOREIGN_IAC_MODULES: ReadonlySet<string> = new Set(['aws_cdk', 'constructs', 'cdktf', 'cdktf_cdktf_provider_aws', 'troposphere']);

/** True for a top-level import this module can map to distributions. */
export function isKnownThirdParty(module: string): boolean {
  return module === 'pulumi' || /^pulumi_[a-z0-9_]+$/.test(module) || /^mypy_boto3_[a-z0-9_]+$/.test(module) || KNOWN_THIRD_PARTY.has(module);
}

/** The distributions (PEP 503-normalised) any of which provides `module`. */
export function distributionsFor(module: string): string[] {
  if (module === 'pulumi') return ['pulumi'];
  if (/^pulumi_[a-z0-9_]+$/.test(module)) return [normalizeName(module)];
  const stubs = /^mypy_boto3_([a-z0-9_]+)$/.exec(module);
  if (stubs) return [normalizeName(module), 'boto3-stubs'];
  return [...(PROVIDED_BY[module] ?? [normalizeName(module)])];
}

/** The display name of the distribution to add for `module` (`pulumi-random`, `PyYAML`). */
export function suggestedDistribution(module: string): string {
  if (module === 'yaml') return 'PyYAML';
  return distributionsFor(module)[0] ?? module;
}

/**
 * True when one of `listed` (normalised distribution names) provides `module`, directly or as a
 * declared dependency (`pulumi-aws` installs `pulumi`, which installs `yaml`).
 */
export function isProvided(module: string, listed: ReadonlySet<string>): boolean {
  if (distributionsFor(module).some((distribution) => listed.has(distribution))) return true;
  const installed = new Set<string>();
  for (const distribution of listed) {
    const direct = INSTALLS[distribution] ?? [];
    direct.forEach((name) => installed.add(name));
    if (/^pulumi-[a-z0-9-]+$/.test(distribution)) {
      ['pulumi', 'parver', 'semver', 'typing_extensions'].forEach((name) => installed.add(name));
    }
  }
  // One more level: a listed provider SDK installs pulumi, which installs grpc, yaml...
  for (const name of [...installed]) (INSTALLS[normalizeName(name)] ?? []).forEach((nested) => installed.add(nested));
  return installed.has(module);
}
