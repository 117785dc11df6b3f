/**
 * How the Pulumi Python SDK names what the TypeScript SDK calls camelCase: `cidrBlock` is
 * `cidr_block`, `getAmi` is `get_ami`, module `lambda` is `lambda_`.
 *
 * This re-implements the behaviour Pulumi's Python code generator documents for its name
 * conversion (pkg/codegen/python, `PyName`): a small state machine over the characters, not a
 * regular expression, because the corner cases matter for real argument names:
 *   - digits stay with the word before them: `ipv6CidrBlock` -> `ipv6_cidr_block`,
 *     `enableDns64` -> `enable_dns64`, `s3Bucket` -> `s3_bucket`;
 *   - an acronym ends one letter early when a lower-case word follows: `HTTPEndpoint` -> `http_endpoint`;
 *   - digits and a plural `s` right after an acronym stay in it: `SHA256Hash` -> `sha256_hash`,
 *     `publicIPs` -> `public_ips`;
 *   - names that clash with a Python (2 or 3) keyword get a trailing underscore: `lambda_`.
 * One historical exception is kept by the generator for AWS: `openXJsonSerDe` -> `open_x_json_ser_de`.
 */

/** Keywords the generator guards against (Python 2 and 3 merged, as the generator does). */
const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'exec', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
  'nonlocal', 'not', 'or', 'pass', 'print', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Names the generator still converts with its older rule (no `s` folding after an acronym). */
const LEGACY_NAMES = new Set(['openXJsonSerDe', 'GetPublicIPs', 'GetUptimeCheckIPs']);

export function keywordSafe(name: string): string {
  return KEYWORDS.has(name) ? `${name}_` : name;
}

const isUpper = (char: string): boolean => char !== char.toLowerCase() && char === char.toUpperCase();
const isDigit = (char: string): boolean => char >= '0' && char <= '9';
const isIdentifierPart = (char: string): boolean => /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u.test(char);
const isIdentifierStart = (char: string): boolean => /[\p{L}\p{Nl}_]/u.test(char);

type State = 'first' | 'upper' | 'acronym' | 'lowerOrNumber';

/** camelCase (or PascalCase) to the snake_case name the Python SDK uses. */
export function pythonName(name: string): string {
  const legacy = LEGACY_NAMES.has(name);
  const words: string[] = [];
  let current = '';
  let state: State = 'first';
  for (const raw of name) {
    const char = isIdentifierPart(raw) ? raw : '_';
    switch (state) {
      case 'first':
        if (!isIdentifierStart(char)) current += '_';
        current += char.toLowerCase();
        state = isUpper(char) ? 'upper' : 'lowerOrNumber';
        break;
      case 'upper':
        current += char.toLowerCase();
        state = isUpper(char) ? 'acronym' : 'lowerOrNumber';
        break;
      case 'acronym':
        if (isUpper(char)) {
          current += char.toLowerCase();
        } else if (isDigit(char) || (char === 's' && !legacy)) {
          current += char;
          state = 'lowerOrNumber';
        } else {
          // The acronym's last capital starts the next word: `HTTPEndpoint` -> `http` + `endpoint`.
          words.push(current.slice(0, -1));
          current = current.slice(-1) + char;
          state = 'lowerOrNumber';
        }
        break;
      case 'lowerOrNumber':
        if (isUpper(char)) {
          words.push(current);
          current = char.toLowerCase();
          state = 'upper';
        } else {
          current += char;
        }
        break;
    }
  }
  if (current) words.push(current);
  return keywordSafe(words.filter((word) => word !== '').join('_'));
}

/** The Python module of a TypeScript module name: `lambda` -> `lambda_`, `ec2` -> `ec2`. */
export function pythonModuleName(module: string): string {
  return pythonName(module);
}

/**
 * The Python class of a TypeScript input type (`types.input.ec2.SecurityGroupIngress`):
 * `SecurityGroupIngressArgs`, exported from the module (`aws.ec2.SecurityGroupIngressArgs`),
 * alongside the TypedDict form `SecurityGroupIngressArgsDict`.
 */
export function pythonInputTypeName(typeName: string): string {
  return `${typeName}Args`;
}
