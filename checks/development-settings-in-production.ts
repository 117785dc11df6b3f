/**
 * IAC202: settings that are convenient in development and lose data or leak detail in
 * production: `skip_final_snapshot=True`, deletion protection off, no backups, `force_destroy`,
 * immediate secret deletion, debug logging. Judged on the arguments of every resource of the
 * program model (nested dicts, Args objects and JSON documents included), only when the
 * environment is production: config `environment`, a Pulumi.prod*.yaml stack file, or code of
 * the program that defaults the environment to "prod" (noted by Python visitors).
 */
import type { ModelRule } from '../src/api/rule.js';
import type { Argument, Resource, Site, SourceLanguage, Value } from '../src/pulumi/model.js';
import { argumentExample, snakeCase, typeName } from '../src/pulumi/spelling.js';
import { booleanOf, entryOf, numberOf, stringOf } from '../src/pulumi/values.js';
import { beginProduction, productionDefaultVisitors, productionReason, type ProductionState } from '../src/python/environment.js';

interface DevSetting {
  /** The development value: a boolean or an integer. */
  value: boolean | number;
  consequence: string;
  /** Only on these resource types (model keys). */
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
  force_delete: { value: true, consequence: 'deleting the repository deletes every image in it', only: ['ecr.Repository'] },
  recovery_window_in_days: { value: 0, consequence: 'deleting the secret destroys it at once, with no recovery window' },
  data_trace_enabled: { value: true, consequence: 'full request and response bodies, including credentials and personal data, are written to CloudWatch' },
};
const LOG_LEVEL_KEY = /^(log_level|loglevel|logging_level|log_lvl|powertools_log_level)$/;
const DEBUG_FLAG_KEY = /^(debug|flask_debug|django_debug|app_debug)$/;

export const developmentSettingsInProduction: ModelRule<ProductionState> = {
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
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: beginProduction,
  visitors: { python: productionDefaultVisitors },
  program(model, context) {
    const reported = new Set<string>();
    const report = (site: Site | undefined, message: string) => {
      // Code run twice (a helper, a loop) reports once; two settings at one site (`**settings`) both do.
      const key = site ? `${site.path}:${site.source.lineOffset}:${site.start}:${site.end}:${message}` : '';
      if (!site || reported.has(key)) return;
      reported.add(key);
      context.report({ at: site, message });
    };
    for (const resource of model.resources) {
      if (resource.type.provider === 'component') continue;
      const reason = productionReason(context.state, model, resource.site.path);
      if (reason) checkResource(resource, reason, report);
    }
  },
};

type Report = (site: Site | undefined, message: string) => void;

function checkResource(resource: Resource, reason: string, report: Report): void {
  const language = resource.language;
  const where = ` on \`${typeName(resource.type, language)}\``;
  for (const argument of resource.args.values()) {
    if (argument.name === 'tags' || argument.name === 'tags_all') continue;
    const setting = DEV_SETTINGS[argument.name];
    if (setting) {
      if (!setting.only || setting.only.includes(resource.type.key)) checkSetting(argument.written, argument.value, argument.site, setting, where, reason, language, report);
      continue;
    }
    if (argument.name === 'point_in_time_recovery') {
      const enabled = entryOf(argument.value, 'enabled');
      if (booleanOf(enabled) === false) report(enabled?.site ?? argument.site, `Point-in-time recovery disabled${where} in production (${reason}): lost or corrupted items cannot be restored.`);
      continue;
    }
    const debug = debugSetting(argument.name, argument.value);
    if (debug) report(argument.site, debugMessage(argument.written, debug, where, reason));
    checkNested(argument, resource, where, reason, report);
  }
}

function checkSetting(key: string, value: Value, site: Site | undefined, setting: DevSetting, where: string, reason: string, language: SourceLanguage, report: Report): void {
  const actual = typeof setting.value === 'boolean' ? booleanOf(value) : numberOf(value);
  if (actual !== setting.value) return;
  const shown = typeof setting.value === 'number' ? String(setting.value) : language === 'python' ? (setting.value ? 'True' : 'False') : String(setting.value);
  report(site ?? value.site, `\`${argumentExample(key, shown, language)}\`${where} in production (${reason}): ${setting.consequence}.`);
}

/**
 * Settings inside an argument's dicts: API Gateway method settings, Lambda environment
 * variables, container definitions (also as JSON text) with `{"name": ..., "value": ...}`
 * environment entries.
 */
function checkNested(argument: Argument, resource: Resource, where: string, reason: string, report: Report): void {
  const stack: Value[] = [argument.value];
  const seen = new Set<Value>();
  while (stack.length) {
    const value = stack.pop() as Value;
    if (seen.has(value)) continue;
    seen.add(value);
    if (value.kind === 'list') for (const item of value.items) stack.push(item);
    else if (value.kind === 'string' && value.encodes) stack.push(value.encodes);
    else if (value.kind === 'unknown' && value.encodes) stack.push(value.encodes);
    else if (value.kind === 'output' && value.known) stack.push(value.known);
    if (value.kind !== 'dict') continue;
    const name = stringOf(entryOf(value, 'name'));
    const entry = entryOf(value, 'value');
    if (name !== undefined && entry && value.entries.size <= 2) {
      const debug = debugSetting(snakeCase(name), entry);
      if (debug) report(value.site, `Debug logging (\`${name}=${debug}\`) in a container environment in production (${reason}): log at INFO.`);
    }
    for (const [key, item] of value.entries) {
      const snake = snakeCase(key);
      const setting = DEV_SETTINGS[snake];
      if (setting && !setting.only) checkSetting(key, item, value.entrySites?.get(key) ?? item.site, setting, where, reason, resource.language, report);
      const debug = setting ? undefined : debugSetting(snake, item);
      if (debug) report(value.entrySites?.get(key) ?? item.site, debugMessage(key, debug, where, reason));
      stack.push(item);
    }
  }
}

function debugMessage(key: string, debug: string, where: string, reason: string): string {
  return `Debug logging (\`${key}=${debug}\`)${where} in production (${reason}): verbose logs leak request data and cost money; log at INFO.`;
}

function debugSetting(snake: string, value: Value): string | undefined {
  const text = stringOf(value);
  if (LOG_LEVEL_KEY.test(snake) && text !== undefined && /^(debug|trace)$/i.test(text.trim())) return text;
  if (DEBUG_FLAG_KEY.test(snake)) {
    if (text !== undefined && /^(true|1|yes|on)$/i.test(text.trim())) return text;
    if (booleanOf(value) === true) return 'True';
  }
  return undefined;
}
