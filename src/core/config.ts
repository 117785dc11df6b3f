/**
 * `.github/iac-review.yml`: the one configuration file shared by the CLI and the App.
 * Validated with zod so that an unknown key or a bad value is an error that names it.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Severity } from '../api/types.js';

import { CONFIG_PATH } from '../api/config-path.js';

export { CONFIG_PATH };

/** The usual layout of Pulumi task repositories, Python and TypeScript. */
export const DEFAULT_ALLOWED_STRUCTURE: readonly string[] = [
  'bin/**',
  'lib/**',
  'test/**',
  'tests/**',
  'Pulumi.yaml',
  'Pulumi.*.yaml',
  '__main__.py',
  'tap.py',
  'metadata.json',
  'requirements.txt',
  'Pipfile',
  'Pipfile.lock',
  'pyproject.toml',
  'setup.py',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'jest.config.js',
  'README.md',
  '.gitignore',
];

export const DEFAULT_MAX_INLINE_COMMENTS = 30;
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * Code one program model is built from, at most. A model holds its program's trees until it is
 * built; 8 MiB of code (about 200,000 lines, far more than a Pulumi project) stays within the App
 * worker's default 512 MB heap, where a 20 MB program did not.
 */
export const DEFAULT_MAX_PROGRAM_BYTES = 8 * 1024 * 1024;
/** Generous for real files (a 2 MB file parses in about 2 s here), short for pathological ones. */
export const DEFAULT_PARSE_TIMEOUT_MS = 10_000;

const ruleLevel = z.enum(['off', 'notice', 'warning', 'error']);
export type RuleLevel = z.infer<typeof ruleLevel>;

function configSchema(knownRuleIds: readonly string[]) {
  const ruleId = z.string().refine((id) => knownRuleIds.includes(id), { error: (issue) => `unknown rule ID "${String(issue.input)}"` });
  return z.strictObject({
    /** Probot's organisation-wide inheritance key; resolved before validation in the App. */
    _extends: z.string().optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, 'expected an AWS region such as us-east-1')
      .optional(),
    environment: z.string().min(1).optional(),
    structure: z.strictObject({ allowed: z.array(z.string().min(1)).min(1) }).optional(),
    rules: z.record(ruleId, ruleLevel).optional(),
    fail_on: z.enum(['error', 'warning', 'notice']).optional(),
    paths: z
      .strictObject({ include: z.array(z.string().min(1)).optional(), exclude: z.array(z.string().min(1)).optional() })
      .optional(),
    comments: z.strictObject({ max_inline: z.number().int().min(0).max(100).optional() }).optional(),
    review: z.strictObject({ new_only: z.boolean().optional() }).optional(),
    limits: z
      .strictObject({ max_file_bytes: z.number().int().positive().optional(), max_program_bytes: z.number().int().positive().optional(), parse_timeout_ms: z.number().int().min(0).optional() })
      .optional(),
  });
}

/** The validated configuration with every default filled in. */
export interface ResolvedConfig {
  region: string | undefined;
  environment: string | undefined;
  allowedStructure: readonly string[];
  ruleLevels: ReadonlyMap<string, RuleLevel>;
  failOn: Severity;
  include: readonly string[];
  exclude: readonly string[];
  maxInlineComments: number;
  /**
   * `review.new_only` as written: fail a change only on findings the base commit does not have.
   * Undefined when not set: the App then defaults to true, `iac-review diff` to its `--new-only` flag.
   */
  newOnly: boolean | undefined;
  maxFileBytes: number;
  /** Code one program model is built from at most; a larger program is left to the language rules, with an IAC002 error. */
  maxProgramBytes: number;
  /** Per-file parse budget in milliseconds; 0 means no limit. */
  parseTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export function defaultConfig(): ResolvedConfig {
  return resolveConfig({}, [], 'defaults');
}

/** Validates an already-parsed object (the App gets one from Probot's `context.config`). */
export function resolveConfig(raw: unknown, knownRuleIds: readonly string[], source = CONFIG_PATH): ResolvedConfig {
  const result = configSchema(knownRuleIds).safeParse(raw ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : '(top level)';
      let message = issue.message;
      if (issue.code === 'unrecognized_keys') message = `unknown key(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
      if (issue.code === 'invalid_key') message = issue.issues[0]?.message ?? message;
      return `${where}: ${message}`;
    });
    throw new ConfigError(source, problems);
  }
  const config = result.data;
  return {
    region: config.region,
    environment: config.environment,
    allowedStructure: config.structure?.allowed ?? DEFAULT_ALLOWED_STRUCTURE,
    ruleLevels: new Map(Object.entries(config.rules ?? {})),
    failOn: config.fail_on ?? 'error',
    include: config.paths?.include ?? [],
    exclude: config.paths?.exclude ?? [],
    maxInlineComments: config.comments?.max_inline ?? DEFAULT_MAX_INLINE_COMMENTS,
    newOnly: config.review?.new_only,
    maxFileBytes: config.limits?.max_file_bytes ?? DEFAULT_MAX_FILE_BYTES,
    maxProgramBytes: config.limits?.max_program_bytes ?? DEFAULT_MAX_PROGRAM_BYTES,
    parseTimeoutMs: config.limits?.parse_timeout_ms ?? DEFAULT_PARSE_TIMEOUT_MS,
  };
}

/** Parses and validates the YAML text of a config file. */
export function parseConfigText(text: string, knownRuleIds: readonly string[], source = CONFIG_PATH): ResolvedConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ConfigError(source, [`invalid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  if (raw !== null && raw !== undefined && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw new ConfigError(source, ['(top level): expected a mapping of keys to values']);
  }
  return resolveConfig(raw, knownRuleIds, source);
}
