/**
 * Another IaC tool's syntax in a Pulumi program (IAC601), found in a unit's text the same way
 * for every language: Terraform HCL blocks and `${var.x}` interpolations, CloudFormation YAML
 * lines and intrinsics. The language front-end says which positions are strings or comments
 * (data, not code) and which text merely describes; the wording of the advice follows the
 * language.
 */
import type { SourceLanguage } from './model.js';

/** A range of one line of a unit (0-based row, columns end exclusive) and what is wrong there. */
export interface ForeignSyntax {
  row: number;
  start: number;
  end: number;
  message: string;
}

/** What the front-end knows about a position of the unit's text. */
export interface TextPositions {
  /** Inside a string literal or a comment: the text is data. */
  inStringOrComment(row: number, column: number): boolean;
  /** Text that may mention another tool's syntax on purpose: comments, docstrings, multi-line templates. */
  isDescriptive(row: number, column: number): boolean;
}

const NAME = String.raw`"[A-Za-z0-9_.\-]+"`;
/** Terraform block openers: `resource "aws_s3_bucket" "logs" {`, `variable "region" {`, `terraform {`. */
const HCL_BLOCK = new RegExp(String.raw`^(\s*)(?:(resource|data)\s+${NAME}\s+${NAME}|(variable|output|provider|module)\s+${NAME}|(terraform|locals))\s*\{`);
/** Terraform interpolation of a variable, local, data source, module or resource attribute. */
export const HCL_INTERPOLATION = /\$\{\s*(?:(?:var|local|data|module|each|count|path|terraform)\.[A-Za-z_][\w.\-[\]"*]*|aws_[a-z0-9_]+\.[A-Za-z_][\w-]*\.[\w.[\]*]+)\s*\}/;
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
/** Whole-text versions of the per-line patterns: most units have neither, and skip the line scan. */
// `^\s*` would cross line breaks and restart at every line of a blank run (quadratic): indentation only.
const CFN_LINE_ANYWHERE = new RegExp(`${CFN_TAG.source}|${CFN_YAML_LINE.source.replace(/^\^\\s\*/, String.raw`^[^\S\n\r\u2028\u2029]*`)}`, 'm');
const HCL_ANYWHERE = /\b(resource|data|variable|output|provider|module|terraform|locals)\b|\$\{/;

const LANGUAGE = {
  python: {
    file: 'a Python file',
    parses: 'does not parse as Python',
    value: 'use a Python value (`pulumi.Config().require(...)`, a resource\'s `.id`) in an f-string or `pulumi.Output.concat`',
    object: 'the Python object\'s attribute (`resource.arn`) or `pulumi.Output.concat`',
    region: '`aws.get_region()` or `aws.get_caller_identity()`',
    advice: {
      resource: 'e.g. `aws.s3.Bucket("logs", ...)`',
      data: 'e.g. `aws.ec2.get_ami(...)`',
      variable: '`pulumi.Config().require(...)` or a Python variable',
      output: '`pulumi.export(...)`',
      provider: '`aws.Provider("aws", region=...)`',
      module: 'a `pulumi.ComponentResource` class',
      terraform: 'requirements.txt and Pulumi.yaml',
    },
  },
  typescript: {
    file: 'a TypeScript file',
    parses: 'does not compile as TypeScript',
    value: 'use a TypeScript value (`config.require(...)`, a resource\'s `.id`) in `pulumi.interpolate`',
    object: 'the resource object\'s property (`resource.arn`) or `pulumi.interpolate`',
    region: '`aws.getRegion()` or `aws.getCallerIdentity()`',
    advice: {
      resource: "e.g. `new aws.s3.Bucket('logs', {...})`",
      data: 'e.g. `aws.ec2.getAmi(...)`',
      variable: "`new pulumi.Config().require(...)` or a `const`",
      output: '`export const ...` from the program',
      provider: "`new aws.Provider('aws', { region })`",
      module: 'a `pulumi.ComponentResource` class',
      terraform: 'package.json and Pulumi.yaml',
    },
  },
} as const;

function hclAdvice(keyword: string, language: SourceLanguage): string {
  const advice = LANGUAGE[language].advice;
  if (keyword === 'locals') return advice.variable;
  return keyword in advice ? advice[keyword as keyof typeof advice] : advice.terraform;
}

/** Terraform blocks pasted as code, and Terraform interpolations in strings that are values. */
export function terraformSyntax(text: string, positions: TextPositions, language: SourceLanguage): ForeignSyntax[] {
  if (!HCL_ANYWHERE.test(text)) return [];
  const found: ForeignSyntax[] = [];
  const lines = text.split('\n');
  /** Rows inside a reported HCL block: its own interpolations are not reported again. */
  let blockUntil = -1;
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row] ?? '';
    const block = row > blockUntil ? HCL_BLOCK.exec(line) : null;
    if (block) {
      const column = block[1]?.length ?? 0;
      if (!positions.inStringOrComment(row, column)) {
        const keyword = block[2] ?? block[3] ?? block[4] ?? '';
        const header = line.slice(column, line.lastIndexOf('{') + 1).trim();
        const message = `Terraform HCL \`${header}\` in ${LANGUAGE[language].file}: a \`${keyword}\` block is not Pulumi code and ${LANGUAGE[language].parses}; declare it with the Pulumi SDK (${hclAdvice(keyword, language)}).`;
        found.push({ row, start: column, end: line.trimEnd().length, message });
        blockUntil = blockEnd(lines, row);
        continue;
      }
    }
    if (row <= blockUntil) continue;
    const interpolation = HCL_INTERPOLATION.exec(line);
    if (interpolation && !positions.isDescriptive(row, interpolation.index)) {
      const message = `Terraform interpolation \`${interpolation[0]}\` is literal text in ${language === 'python' ? 'Python' : 'TypeScript'}: ${LANGUAGE[language].value}.`;
      found.push({ row, start: interpolation.index, end: interpolation.index + interpolation[0].length, message });
    }
  }
  return found;
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

/** CloudFormation YAML pasted as code: `Type: AWS::S3::Bucket`, `vpc_id: !Ref MyVpc`. */
export function cloudFormationLines(text: string, positions: TextPositions, language: SourceLanguage): ForeignSyntax[] {
  if (!CFN_LINE_ANYWHERE.test(text)) return [];
  const found: ForeignSyntax[] = [];
  const lines = text.split('\n');
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row] ?? '';
    const yaml = CFN_YAML_LINE.exec(line);
    if (yaml) {
      const column = line.length - line.trimStart().length;
      if (!positions.inStringOrComment(row, column)) {
        found.push({ row, start: column, end: line.trimEnd().length, message: `CloudFormation YAML \`${line.trim()}\` in ${LANGUAGE[language].file}: declare the resource with the Pulumi SDK instead of a template.` });
        continue;
      }
    }
    for (const match of line.matchAll(new RegExp(CFN_TAG.source, 'g'))) {
      if (positions.inStringOrComment(row, match.index)) continue;
      const message = `CloudFormation intrinsic \`${match[0]}\` in ${language === 'python' ? 'Python' : 'TypeScript'} code: reference the resource object instead (\`vpc.id\`, \`role.arn\`).`;
      found.push({ row, start: match.index, end: match.index + match[0].length, message });
      break;
    }
  }
  return found;
}

/** Whether the unit's string literals are worth reading for intrinsics (it mentions them and does not work with templates). */
export function mayHoldCloudFormationStrings(text: string): boolean {
  return !CFN_CONTEXT.test(text) && /Fn::|AWS::|!(Ref|GetAtt|Sub|ImportValue)\s/.test(text);
}

/**
 * What is wrong with a string literal's value as CloudFormation, if anything. `isRefValue`: the
 * string is the value of a `Ref` key (`{"Ref": "AWS::Region"}`), reported on the pair.
 */
export function cloudFormationString(value: string, isRefValue: boolean, language: SourceLanguage): { message: string; onPair: boolean } | undefined {
  const words = LANGUAGE[language];
  if (CFN_FUNCTION_STRING.test(value)) {
    return { message: `CloudFormation intrinsic \`${value}\` in a Pulumi program is passed to AWS as a literal key: use ${words.object}.`, onPair: false };
  }
  if (CFN_REF_PSEUDO.test(value) && isRefValue) return { message: `CloudFormation \`{"Ref": "${value}"}\` does not resolve in Pulumi: use ${words.region}.`, onPair: true };
  if (value.includes('\n')) return undefined;
  const pseudo = CFN_PSEUDO_PARAMETER.exec(value);
  if (pseudo) return { message: `CloudFormation substitution \`${pseudo[0]}\` is literal text in Pulumi: use ${words.region} in ${language === 'python' ? 'an f-string or `pulumi.Output.concat`' : '`pulumi.interpolate`'}.`, onPair: false };
  if (/^!(Ref|GetAtt|Sub|ImportValue)\s+\S/.test(value)) return { message: `CloudFormation intrinsic \`${value}\` is a literal string in Pulumi: reference the resource object instead (\`vpc.id\`).`, onPair: false };
  return undefined;
}
