/**
 * The compact notation of argument types in the generated tables, and its reading. An argument
 * is one space-free token of the `args` string: its Python name, `!` when the type requires it,
 * and `:` plus a type code unless the type is a plain string (the most common one):
 *
 *   cidr_block  vpc_id!  enable_dns_hostnames:b  ingress:[@SecurityGroupIngress  tags:{s  runtime:s|%Runtime
 *
 * Type codes: `s` string, `n` number, `b` boolean, `a` asset or archive (`pulumi.FileArchive`),
 * `r` a resource object (`role=role` where the type is `string | Role`), `*` anything; `[T` a list
 * of T, `{T` a map of T; `@Name` the input type `NameArgs` (`@iam.PolicyDocument` in another
 * module); `%Name` the enum `Name` (`%lambda_.Runtime`); alternatives joined by `|`, grouped in
 * parentheses inside a list or map (`[(s|n)`). Module names are the Python SDK's. Input types
 * are mostly named after what uses them (`Function` takes `FunctionVpcConfig`, which takes
 * `FunctionVpcConfigXxx`): `~` stands for that owner's name (`@~VpcConfig`), which keeps the
 * tables a third smaller. The owner of a resource's arguments is the resource, of an input
 * type's the type (without `Args`), of a function's its PascalCase name (`get_ami`: `GetAmi`).
 */

export type ArgType =
  | { kind: 'string' | 'number' | 'boolean' | 'asset' | 'resource' | 'any' }
  | { kind: 'list' | 'map'; item: ArgType }
  | { kind: 'object' | 'enum'; module: string; name: string }
  | { kind: 'union'; alternatives: readonly ArgType[] };

export interface ArgSpec {
  name: string;
  required: boolean;
  type: ArgType;
}

const SCALARS: Record<string, ArgType['kind']> = { s: 'string', n: 'number', b: 'boolean', a: 'asset', r: 'resource', '*': 'any' };

/** Reads one argument token (`ingress!:[@SecurityGroupIngress`); `module` resolves names without a module. */
export function parseArgToken(token: string, module: string, owner: string): ArgSpec {
  const colon = token.indexOf(':');
  const head = colon < 0 ? token : token.slice(0, colon);
  const required = head.endsWith('!');
  const name = required ? head.slice(0, -1) : head;
  return { name, required, type: colon < 0 ? { kind: 'string' } : parseTypeCode(token.slice(colon + 1), module, owner) };
}

/** The owner name `~` stands for in a function's argument types: `get_ami` -> `GetAmi`. */
export function functionOwner(pythonFunction: string): string {
  return pythonFunction.replace(/(^|_)([a-z0-9])/g, (_, __: string, char: string) => char.toUpperCase());
}

/** The argument name of a token, without reading its type. */
export function argTokenName(token: string): string {
  const end = token.search(/[!:]/);
  return end < 0 ? token : token.slice(0, end);
}

export function parseTypeCode(code: string, module: string, owner = ''): ArgType {
  let position = 0;
  const union = (): ArgType => {
    const alternatives = [single()];
    while (code[position] === '|') {
      position++;
      alternatives.push(single());
    }
    return alternatives.length === 1 ? (alternatives[0] as ArgType) : { kind: 'union', alternatives };
  };
  const single = (): ArgType => {
    const char = code[position++];
    if (char === undefined) return { kind: 'any' };
    if (char === '(') {
      const inner = union();
      if (code[position] === ')') position++;
      return inner;
    }
    if (char === '[' || char === '{') return { kind: char === '[' ? 'list' : 'map', item: single() };
    if (char === '@' || char === '%') {
      const match = /^~?[A-Za-z0-9_.]*/.exec(code.slice(position));
      const written = match?.[0] ?? '';
      position += written.length;
      const text = written.startsWith('~') ? `${owner}${written.slice(1)}` : written;
      const dot = text.lastIndexOf('.');
      return { kind: char === '@' ? 'object' : 'enum', module: dot < 0 ? module : text.slice(0, dot), name: dot < 0 ? text : text.slice(dot + 1) };
    }
    return { kind: SCALARS[char] ?? 'any' } as ArgType;
  };
  return union();
}

/** The code of a type (the generator writes it; tests read it back). */
export function typeCode(type: ArgType, module: string, owner = ''): string {
  switch (type.kind) {
    case 'string':
      return 's';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'asset':
      return 'a';
    case 'resource':
      return 'r';
    case 'any':
      return '*';
    case 'list':
    case 'map': {
      const inner = typeCode(type.item, module, owner);
      return `${type.kind === 'list' ? '[' : '{'}${type.item.kind === 'union' ? `(${inner})` : inner}`;
    }
    case 'object':
    case 'enum': {
      const local = type.module === module;
      const name = local && owner && type.name.startsWith(owner) && type.name.length > owner.length ? `~${type.name.slice(owner.length)}` : type.name;
      return `${type.kind === 'object' ? '@' : '%'}${local ? '' : `${type.module}.`}${name}`;
    }
    case 'union':
      return type.alternatives.map((alternative) => typeCode(alternative, module, owner)).join('|');
  }
}

/** The argument token for the table (`vpc_id!`, `tags:{s`). */
export function argToken(spec: ArgSpec, module: string, owner: string): string {
  const code = typeCode(spec.type, module, owner);
  return `${spec.name}${spec.required ? '!' : ''}${code === 's' ? '' : `:${code}`}`;
}

/** Every alternative of a type, unions flattened. */
export function alternativesOf(type: ArgType): readonly ArgType[] {
  return type.kind === 'union' ? type.alternatives.flatMap(alternativesOf) : [type];
}

/** How the type reads in a message: `a list of strings`, `a number`, `a \`FunctionVpcConfigArgs\``. */
export function describeType(type: ArgType): string {
  switch (type.kind) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'asset':
      return 'an asset or archive';
    case 'resource':
      return 'a resource';
    case 'any':
      return 'any value';
    case 'list':
      return `a list of ${plural(type.item)}`;
    case 'map':
      return `a map of ${plural(type.item)}`;
    case 'object':
      return `a \`${type.name}Args\` (or a dict of its fields)`;
    case 'enum':
      return `a \`${type.name}\` value`;
    case 'union':
      return type.alternatives.map(describeType).join(' or ');
  }
}

function plural(type: ArgType): string {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return `${type.kind}s`;
    case 'object':
      return `\`${type.name}Args\``;
    case 'enum':
      return `\`${type.name}\` values`;
    default:
      return 'values';
  }
}
