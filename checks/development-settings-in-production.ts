/**
 * IAC202: settings that are convenient in development and lose data or leak detail in
 * production: `skip_final_snapshot=True`, deletion protection off, no backups, `force_destroy`,
 * immediate secret deletion, debug logging. Only when the environment is production: config
 * `environment`, a Pulumi.prod*.yaml stack file, or code that defaults the environment to "prod".
 */
import type { ProjectRule, ProjectRuleContext } from '../src/api/rule.js';
import type { PythonUnit } from '../src/python/units.js';
import { calleeName } from '../src/python/calls.js';
import { fileProductionReason, programProductionReason } from '../src/python/environment.js';
import { mappingGet, mappingOf, NameResolver, snakeKey, stringValue } from '../src/python/literal-values.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { isResourceClass } from '../src/python/pulumi.js';
import { descendantsOfType } from '../src/syntax/walk.js';

interface DevSetting {
  /** The development value: `True`, `False` or an integer. */
  value: boolean | number;
  consequence: string;
  /** Only on these resources (qualified names without an `Args` suffix). */
  only?: readonly string[];
}

const DEV_SETTINGS: Record<string, DevSetting> = {
  skip_final_snapshot: { value: true, consequence: 'deleting or replacing the database discards its data without a final snapshot' },
  deletion_protection: { value: false, consequence: 'any update or `pulumi destroy` can delete it' },
  enable_deletion_protection: { value: false, consequence: 'any update or `pulumi destroy` can delete it' },
  deletion_protection_enabled: { value: false, consequence: 'any update or `pulumi destroy` can delete the table' },
  backup_retention_period: { value: 0, consequence: 'automated backups and point-in-time recovery are off' },
  snapshot_retention_limit: { value: 0, consequence: 'automatic backups are off' },
  force_destroy: { value: true, consequence: 'destroying or replacing it deletes everything it contains' },
  force_delete: { value: true, consequence: 'deleting the repository deletes every image in it', only: ['pulumi_aws.ecr.Repository'] },
  recovery_window_in_days: { value: 0, consequence: 'deleting the secret destroys it at once, with no recovery window' },
  data_trace_enabled: { value: true, consequence: 'full request and response bodies, including credentials and personal data, are written to CloudWatch' },
};
const LOG_LEVEL_KEY = /^(log_level|loglevel|logging_level|log_lvl|powertools_log_level)$/;
const DEBUG_FLAG_KEY = /^(debug|flask_debug|django_debug|app_debug)$/;

function short(qualified: string): string {
  return qualified.replace(/^pulumi_aws\./, 'aws.');
}

export const developmentSettingsInProduction: ProjectRule<string | null | undefined> = {
  meta: {
    id: 'IAC202',
    name: 'development-settings-in-production',
    title: 'Development settings in production',
    category: 'Prompt Understanding',
    severity: 'warning',
    why: 'Settings that are convenient in development (no final snapshot, no deletion protection, no backups, force-destroy, debug logging) lose data or leak detail once the stack is production: one mistaken `pulumi destroy` or replacement is unrecoverable.',
    fix: 'When the environment is production, keep final snapshots and deletion protection, retain backups, drop `force_destroy`, keep a recovery window on secrets and log at INFO; derive these from the environment instead of hard-coding the development values.',
    badExample: 'environment_suffix = config.get("environmentSuffix") or "prod"\naws.rds.Instance("db", skip_final_snapshot=True, deletion_protection=False, backup_retention_period=0, ...)',
    goodExample:
      'is_prod = environment_suffix.startswith("prod")\naws.rds.Instance("db", skip_final_snapshot=not is_prod, final_snapshot_identifier=f"db-final-{environment_suffix}",\n    deletion_protection=is_prod, backup_retention_period=7, ...)',
    seed: { report: 'model-failures-tracking', section: 'Misinterpreting Context' },
  },
  scope: 'project',
  // Whether the whole program is production is known from texts up front; each file is judged while its tree is fresh.
  begin: (project, settings) => programProductionReason(project, settings),
  visitFile(file, programReason, context) {
    const reason = programReason === undefined ? fileProductionReason(file) : programReason;
    if (!reason) return;
    for (const unit of file.units) if (!unit.isTestFile) checkUnit(unit, reason, context);
  },
};

function checkUnit(unit: PythonUnit, reason: string, context: ProjectRuleContext): void {
  const names = NameResolver.of(unit.root, unit.imports);
  const owners = ownersOf(unit);
  for (const node of descendantsOfType(unit.root, ['keyword_argument', 'pair', 'dictionary'])) {
    const owner = owners.of.get(node.id);
    if (!owner) continue;
    if (node.type === 'dictionary') {
      // `{"name": ..., "value": ...}` environment entries live in container definitions.
      if (!owner.fromResource || owner.resource === 'pulumi_aws.ecs.TaskDefinition') checkNameValueEntry(node, unit, names, reason, context);
      continue;
    }
    // A keyword of some other call (`make_tags(debug=True)`) belongs to that call.
    if (node.type === 'keyword_argument' && !owners.direct.has(node.id)) continue;
    const key = entryKey(node);
    const value = node.childForFieldName('value');
    if (!key || !value) continue;
    const snake = snakeKey(key);
    const setting = DEV_SETTINGS[snake];
    const where = owner.resource ? ` on \`${short(owner.resource)}\`` : '';
    if (setting && (!setting.only || (owner.resource && setting.only.includes(owner.resource)))) {
      const actual = typeof setting.value === 'boolean' ? names.boolean(value) : names.integer(value);
      if (actual === setting.value) {
        context.report({
          unit,
          node,
          message: `\`${key}=${literal(setting.value)}\`${where} in production (${reason}): ${setting.consequence}.`,
        });
      }
      continue;
    }
    if (snake === 'point_in_time_recovery') {
      const mapping = names.mapping(value, unit.imports);
      const enabled = mapping ? mappingGet(mapping, 'enabled') : undefined;
      if (enabled && names.boolean(enabled.value) === false) {
        context.report({ unit, node: enabled.entry, message: `Point-in-time recovery disabled${where} in production (${reason}): lost or corrupted items cannot be restored.` });
      }
      continue;
    }
    const debug = debugSetting(key, value, names);
    if (debug) context.report({ unit, node, message: `Debug logging (\`${key}=${debug}\`)${where} in production (${reason}): verbose logs leak request data and cost money; log at INFO.` });
  }
}

/** ECS container environments: `{"name": "LOG_LEVEL", "value": "DEBUG"}`. */
function checkNameValueEntry(node: SyntaxNode, unit: PythonUnit, names: NameResolver, reason: string, context: ProjectRuleContext): void {
  const mapping = mappingOf(node, unit.imports);
  const name = mapping?.entries.get('name');
  const value = mapping?.entries.get('value');
  const key = name ? stringValue(name.value) : undefined;
  if (!key || !value) return;
  const debug = debugSetting(key, value.value, names);
  if (debug) context.report({ unit, node, message: `Debug logging (\`${key}=${debug}\`) in a container environment in production (${reason}): log at INFO.` });
}

function debugSetting(key: string, value: SyntaxNode, names: NameResolver): string | undefined {
  const snake = snakeKey(key);
  const text = names.string(value);
  if (LOG_LEVEL_KEY.test(snake) && text !== undefined && /^(debug|trace)$/i.test(text.trim())) return text;
  if (DEBUG_FLAG_KEY.test(snake)) {
    if (text !== undefined && /^(true|1|yes|on)$/i.test(text.trim())) return text;
    if (names.boolean(value) === true) return 'True';
  }
  return undefined;
}

function literal(value: boolean | number): string {
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
}

function entryKey(node: SyntaxNode): string | undefined {
  if (node.type === 'keyword_argument') return node.childForFieldName('name')?.text;
  const key = node.childForFieldName('key');
  return key ? stringValue(key) : undefined;
}

interface Owner {
  /** The resource the setting configures, when it can be named. */
  resource: string | undefined;
  fromResource: boolean;
}

interface Owners {
  of: Map<number, Owner>;
  /** Keyword arguments passed directly to a resource, `*Args`, `json.dumps` or `dict(...)` call. */
  direct: Set<number>;
}

/**
 * Which resource (or `*Args`, or `json.dumps` of a container definition) each keyword, pair and
 * dict is an argument of. Settings in free-standing dicts (per-environment tables, defaults for
 * dev) have no owner and are not judged: which environment they serve cannot be seen. Computed
 * top-down from the calls so that no node has to walk up its ancestors.
 */
function ownersOf(unit: PythonUnit): Owners {
  const of = new Map<number, Owner>();
  const direct = new Set<number>();
  for (const call of descendantsOfType(unit.root, 'call')) {
    const qualified = calleeName(call, unit.imports);
    if (!qualified) continue;
    const kind = isResourceClass(qualified)
      ? 'resource'
      : /[a-z0-9](Args|ArgsDict)$/.test(qualified)
        ? 'args'
        : qualified === 'json.dumps' || qualified === 'pulumi.Output.json_dumps'
          ? 'json'
          : qualified === 'dict'
            ? 'dict'
            : undefined;
    if (!kind) continue;
    for (const child of call.childForFieldName('arguments')?.namedChildren ?? []) if (child.type === 'keyword_argument') direct.add(child.id);
    if (kind === 'dict') continue;
    const named = qualified.replace(/(Args|ArgsDict)$/, '');
    const owner: Owner =
      kind === 'resource' ? { resource: qualified, fromResource: true } : { resource: kind === 'args' && isResourceClass(named) ? named : undefined, fromResource: false };
    for (const node of descendantsOfType(call, ['keyword_argument', 'pair', 'dictionary'])) {
      // Calls come outer first: a resource claims everything inside it; `*Args` and `json.dumps`
      // only what no enclosing call has claimed (nested `*Args` feed the outer resource).
      if (kind === 'resource' || !of.has(node.id)) of.set(node.id, owner);
    }
  }
  return { of, direct };
}
