/**
 * IAC601: another tool's infrastructure language inside a Pulumi Python program: Terraform
 * HCL blocks and `${var.x}` interpolations, AWS CDK imports, CloudFormation intrinsics
 * (`!Ref`, `Fn::GetAtt`, `${AWS::Region}`).
 *
 * Pasted HCL or YAML usually does not parse, so IAC102 may report the same lines as a syntax
 * error; this rule names the cause. Text inside strings and comments is never read as HCL;
 * CloudFormation intrinsics inside strings are only reported when nothing in the file works
 * with CloudFormation templates (`aws.cloudformation.Stack(template_body=...)` is legitimate).
 */
import { placedReport } from '../src/api/report-placement.js';
import type { ProjectReport, ProjectRule, ProjectRuleContext } from '../src/api/rule.js';
import { isPulumiModule } from '../src/python/project-python.js';
import type { PythonUnit } from '../src/python/units.js';
import { stringLiteralValue } from '../src/python/calls.js';
import { isInStringOrComment } from '../src/python/code-position.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { cachedImportBindings, importedTopModules, nodesOfType } from '../src/python/fast-walk.js';

const NAME = String.raw`"[A-Za-z0-9_.\-]+"`;
/** Terraform block openers: `resource "aws_s3_bucket" "logs" {`, `variable "region" {`, `terraform {`. */
const HCL_BLOCK = new RegExp(
  String.raw`^(\s*)(?:(resource|data)\s+${NAME}\s+${NAME}|(variable|output|provider|module)\s+${NAME}|(terraform|locals))\s*\{`,
);
/** Terraform interpolation of a variable, local, data source, module or resource attribute. */
const HCL_INTERPOLATION = /\$\{\s*(?:(?:var|local|data|module|each|count|path|terraform)\.[A-Za-z_][\w.\-[\]"*]*|aws_[a-z0-9_]+\.[A-Za-z_][\w-]*\.[\w.[\]*]+)\s*\}/;
/** CloudFormation YAML short-form intrinsics. */
const CFN_TAG = /!(Ref|GetAtt|Sub|Join|Select|Split|ImportValue|FindInMap|GetAZs|Base64|Cidr|If|Equals|Not|And|Or|Condition|Transform)\b/;
/** CloudFormation template skeleton lines pasted as code. */
const CFN_YAML_LINE = /^\s*(?:Type:\s*AWS::[A-Za-z0-9]+::[A-Za-z0-9]+|AWSTemplateFormatVersion\s*:)/;
/** `Fn::GetAtt` and friends as a whole string (the JSON form's dictionary key). */
const CFN_FUNCTION_STRING = /^Fn::[A-Z][A-Za-z]+$/;
const CFN_PSEUDO_PARAMETER = /\$\{AWS::(Region|AccountId|StackName|StackId|Partition|URLSuffix|NotificationARNs|NoValue)\}/;
const CFN_REF_PSEUDO = /^AWS::(Region|AccountId|StackName|StackId|Partition|URLSuffix|NotificationARNs|NoValue)$/;
/** Files that work with CloudFormation templates legitimately contain intrinsics in strings. */
const CFN_CONTEXT = /cloudformation|TemplateBody|template_body|AWSTemplateFormatVersion|ConformancePack|servicecatalog|serverlessrepository|\bsam\b/i;
const CDK_MODULES = new Set(['aws_cdk', 'constructs', 'aws_cdk_lib', 'cdk8s', 'cdktf']);
const MANIFEST = /(^|\/)(requirements[^/]*\.txt|Pipfile|pyproject\.toml|setup\.py|setup\.cfg)$/;

export const foreignIacSyntax: ProjectRule<ForeignSyntaxState> = {
  meta: {
    id: 'IAC601',
    name: 'foreign-iac-syntax',
    title: 'Terraform, CDK or CloudFormation syntax in Pulumi',
    category: 'Language and Framework',
    severity: 'error',
    why: 'Models trained on several IaC tools mix them: Terraform HCL blocks pasted into a .py file do not parse, CDK constructs are never deployed by `pulumi up`, and CloudFormation intrinsics such as `!Ref` or `{"Fn::GetAtt": ...}` are passed to AWS as literal text.',
    fix: 'Write the resource with the Pulumi Python SDK (`aws.s3.Bucket("logs")`), reference other resources through their Python objects (`vpc.id`) and read settings with `pulumi.Config()`.',
    badExample: 'resource "aws_s3_bucket" "logs" {\n  bucket = "${var.prefix}-logs"\n}',
    goodExample: 'config = pulumi.Config()\nlogs = aws.s3.Bucket("logs", bucket=f"{config.require(\'prefix\')}-logs")',
    seed: { report: 'model-failures-tracking', section: 'Pulumi-Specific Problems' },
  },
  scope: 'project',
  begin: () => ({ cdkCandidates: [], importsPulumiCdk: false, anyPulumiUnit: false }),
  // HCL and CloudFormation are judged unit by unit; CDK imports only count in a Pulumi program,
  // which is known once every file has been seen, so those reports wait (placed, without nodes).
  visitFile(file, state, context) {
    for (const unit of file.units) {
      checkHcl(unit, context);
      checkCloudFormation(unit, context);
      const ownPulumi = pulumiUnit(unit);
      state.anyPulumiUnit ||= ownPulumi;
      state.importsPulumiCdk ||= importedTopModules(unit.imports).has('pulumi_cdk');
      const reports: ProjectReport[] = [];
      checkCdk(unit, { settings: context.settings, report: (found) => reports.push(placedReport(found)) });
      if (reports.length) state.cdkCandidates.push({ ownPulumi, pythonFile: unit.origin === 'python-file', reports });
    }
  },
  check(project, context, state) {
    const cdkInterop = state.importsPulumiCdk || project.paths.some((path) => MANIFEST.test(path) && /pulumi[-_]cdk/i.test(project.readFile(path) ?? ''));
    if (cdkInterop) return;
    const pulumiProject = project.paths.some((path) => /(^|\/)Pulumi\.ya?ml$/.test(path)) || state.anyPulumiUnit;
    const cdkProject = project.paths.some((path) => /(^|\/)cdk\.json$/.test(path));
    for (const candidate of state.cdkCandidates) {
      // A Python-tagged block in documentation only counts when it is itself a Pulumi program.
      const isPulumiProgram = candidate.ownPulumi || (candidate.pythonFile && pulumiProject && !cdkProject);
      if (isPulumiProgram) for (const found of candidate.reports) context.report(found);
    }
  },
};

interface ForeignSyntaxState {
  /** Units importing CDK modules, with their reports placed and kept until the program is known. */
  cdkCandidates: { ownPulumi: boolean; pythonFile: boolean; reports: ProjectReport[] }[];
  importsPulumiCdk: boolean;
  anyPulumiUnit: boolean;
}

const pulumiUnit = (unit: PythonUnit) => [...importedTopModules(unit.imports)].some(isPulumiModule);

function report(context: ProjectRuleContext, unit: PythonUnit, node: SyntaxNode, message: string): void {
  context.report({ unit, node, message });
}

/** Reports a range of one line of the unit, mapped to the containing file. */
function reportRange(context: ProjectRuleContext, unit: PythonUnit, lines: readonly string[], row: number, start: number, end: number, message: string): void {
  const line = unit.lineOffset + row + 1;
  const span = { line, column: unit.columnOffset + start + 1, endLine: line, endColumn: unit.columnOffset + end + 1 };
  context.report({ path: unit.path, span, message, snippet: lines[row]?.slice(start, end) ?? '' });
}

function checkHcl(unit: PythonUnit, context: ProjectRuleContext): void {
  const lines = unit.text.split('\n');
  /** Rows inside a reported HCL block: its own interpolations are not reported again. */
  let blockUntil = -1;
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row] ?? '';
    const block = row > blockUntil ? HCL_BLOCK.exec(line) : null;
    if (block) {
      const column = block[1]?.length ?? 0;
      if (!isInStringOrComment(unit.root, { row, column })) {
        const keyword = block[2] ?? block[3] ?? block[4] ?? '';
        const header = line.slice(column, line.lastIndexOf('{') + 1).trim();
        reportRange(
          context,
          unit,
          lines,
          row,
          column,
          line.trimEnd().length,
          `Terraform HCL \`${header}\` in a Python file: a \`${keyword}\` block is not Pulumi code and does not parse as Python; declare it with the Pulumi SDK (${hclAdvice(keyword)}).`,
        );
        blockUntil = blockEnd(lines, row);
        continue;
      }
    }
    if (row <= blockUntil) continue;
    const interpolation = HCL_INTERPOLATION.exec(line);
    if (interpolation && !isDescriptiveText(unit, row, interpolation.index)) {
      reportRange(
        context,
        unit,
        lines,
        row,
        interpolation.index,
        interpolation.index + interpolation[0].length,
        `Terraform interpolation \`${interpolation[0]}\` is literal text in Python: use a Python value (\`pulumi.Config().require(...)\`, a resource's \`.id\`) in an f-string or \`pulumi.Output.concat\`.`,
      );
    }
  }
}

function hclAdvice(keyword: string): string {
  switch (keyword) {
    case 'resource':
      return 'e.g. `aws.s3.Bucket("logs", ...)`';
    case 'data':
      return 'e.g. `aws.ec2.get_ami(...)`';
    case 'variable':
    case 'locals':
      return '`pulumi.Config().require(...)` or a Python variable';
    case 'output':
      return '`pulumi.export(...)`';
    case 'provider':
      return '`aws.Provider("aws", region=...)`';
    case 'module':
      return 'a `pulumi.ComponentResource` class';
    default:
      return 'requirements.txt and Pulumi.yaml';
  }
}

/** The last row of an HCL block opened on `start`, by counting braces (strings are not HCL-aware, which is fine for a bound). */
function blockEnd(lines: readonly string[], start: number): number {
  let depth = 0;
  for (let row = start; row < lines.length; row++) {
    for (const char of lines[row] ?? '') {
      if (char === '{') depth++;
      else if (char === '}') depth--;
    }
    if (depth <= 0) return row;
  }
  return lines.length - 1;
}

/**
 * True when the text at the position is data that may mention Terraform syntax: a comment, a
 * docstring or other bare string statement, a multi-line string, or an f-string (where `${name.attr}` is a `$`
 * followed by a Python interpolation).
 */
function isDescriptiveText(unit: PythonUnit, row: number, column: number): boolean {
  for (let node: SyntaxNode | null = unit.root.descendantForPosition({ row, column }); node; node = node.parent) {
    if (node.type === 'comment') return true;
    if (node.type === 'string') {
      const start = node.namedChildren.find((child) => child.type === 'string_start');
      if (start && /f/i.test(start.text)) return true;
      let outer: SyntaxNode = node;
      while (outer.parent?.type === 'concatenated_string') outer = outer.parent;
      // Multi-line strings are templates (user data, generated files) rather than values.
      return outer.parent?.type === 'expression_statement' || outer.startPosition.row !== outer.endPosition.row;
    }
  }
  return false;
}

/** Whole-text versions of the per-line patterns: most files have neither, and skip the line scan. */
// `^\s*` would cross line breaks and restart at every line of a blank run (quadratic): indentation only.
const CFN_LINE_ANYWHERE = new RegExp(`${CFN_TAG.source}|${CFN_YAML_LINE.source.replace(/^\^\\s\*/, String.raw`^[^\S\n\r\u2028\u2029]*`)}`, 'm');

function checkCloudFormation(unit: PythonUnit, context: ProjectRuleContext): void {
  const lines = CFN_LINE_ANYWHERE.test(unit.text) ? unit.text.split('\n') : [];
  // Code-level YAML: `vpc_id: !Ref MyVpc` or `Type: AWS::S3::Bucket` pasted as Python.
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row] ?? '';
    const yaml = CFN_YAML_LINE.exec(line);
    if (yaml) {
      const column = line.length - line.trimStart().length;
      if (!isInStringOrComment(unit.root, { row, column })) {
        reportRange(context, unit, lines, row, column, line.trimEnd().length, `CloudFormation YAML \`${line.trim()}\` in a Python file: declare the resource with the Pulumi SDK instead of a template.`);
        continue;
      }
    }
    for (const match of line.matchAll(new RegExp(CFN_TAG.source, 'g'))) {
      if (isInStringOrComment(unit.root, { row, column: match.index })) continue;
      reportRange(
        context,
        unit,
        lines,
        row,
        match.index,
        match.index + match[0].length,
        `CloudFormation intrinsic \`${match[0]}\` in Python code: reference the resource object instead (\`vpc.id\`, \`role.arn\`).`,
      );
      break;
    }
  }
  if (CFN_CONTEXT.test(unit.text) || !/Fn::|AWS::|!(Ref|GetAtt|Sub|ImportValue)\s/.test(unit.text)) return;
  for (const node of nodesOfType(unit.root, 'string')) {
    const value = stringLiteralValue(node);
    if (value === undefined) continue;
    if (CFN_FUNCTION_STRING.test(value)) {
      report(context, unit, node, `CloudFormation intrinsic \`${value}\` in a Pulumi program is passed to AWS as a literal key: use the Python object's attribute (\`resource.arn\`) or \`pulumi.Output.concat\`.`);
      continue;
    }
    if (CFN_REF_PSEUDO.test(value) && isRefValue(node)) {
      report(context, unit, node.parent ?? node, `CloudFormation \`{"Ref": "${value}"}\` does not resolve in Pulumi: use \`aws.get_region()\` or \`aws.get_caller_identity()\`.`);
      continue;
    }
    const pseudo = CFN_PSEUDO_PARAMETER.exec(value);
    if (pseudo && !value.includes('\n')) {
      report(context, unit, node, `CloudFormation substitution \`${pseudo[0]}\` is literal text in Pulumi: use \`aws.get_region()\`/\`aws.get_caller_identity()\` in an f-string or \`pulumi.Output.concat\`.`);
      continue;
    }
    const tag = /^!(Ref|GetAtt|Sub|ImportValue)\s+\S/.exec(value);
    if (tag && !value.includes('\n')) {
      report(context, unit, node, `CloudFormation intrinsic \`${value}\` is a literal string in Pulumi: reference the resource object instead (\`vpc.id\`).`);
    }
  }
}

/** `{"Ref": "AWS::Region"}`: the string is the value of a `"Ref"` key. */
function isRefValue(node: SyntaxNode): boolean {
  const pair = node.parent;
  if (!pair || pair.type !== 'pair' || pair.childForFieldName('value')?.id !== node.id) return false;
  const key = pair.childForFieldName('key');
  return key !== null && stringLiteralValue(key) === 'Ref';
}

function checkCdk(unit: PythonUnit, context: ProjectRuleContext): void {
  if (![...importedTopModules(unit.imports)].some((module) => CDK_MODULES.has(module))) return;
  const reported = new Set<number>();
  for (const binding of cachedImportBindings(unit.root)) {
    if (!CDK_MODULES.has(binding.module)) continue;
    const statement = binding.node.parent?.type === 'import_statement' || binding.node.parent?.type === 'import_from_statement' ? binding.node.parent : binding.node;
    if (reported.has(statement.id)) continue;
    reported.add(statement.id);
    const what = binding.module === 'constructs' ? 'the CDK `constructs` library' : binding.module === 'cdktf' ? 'CDK for Terraform' : binding.module === 'cdk8s' ? 'cdk8s' : 'the AWS CDK';
    report(
      context,
      unit,
      statement,
      `\`${statement.text.replace(/\s+/g, ' ')}\` imports ${what} into a Pulumi program: CDK constructs are not Pulumi resources and \`pulumi up\` never deploys them; use \`pulumi_aws\` classes.`,
    );
  }
}
