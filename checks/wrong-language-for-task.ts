/**
 * IAC603: an answer delivers its infrastructure in a language or tool the task did not ask for:
 * a ```typescript Pulumi program in a Python task (or a Python one in a TypeScript task), a Go,
 * Java or C# Pulumi program, a Terraform configuration, a CloudFormation template, a Pulumi
 * YAML program. The task's language comes from `metadata.json`, `Pulumi.yaml`'s runtime or the
 * project's code (src/packaging/task-language.ts), else from most of the answer's own programs.
 *
 * Other languages that belong in a Pulumi project are fine: shell commands (`pulumi up`), stack
 * configuration and CI YAML, IAM policies in JSON, and application code such as a Lambda handler
 * in any language (only code that imports a Pulumi SDK is a Pulumi program).
 */
import type { ModelRule } from '../src/api/rule.js';
import { extractCodeBlocks, type MarkdownCodeBlock } from '../src/markdown/code-blocks.js';
import { programLanguageNamed, taskLanguageFor, type ProgramLanguage } from '../src/packaging/task-language.js';
import { languageOf } from '../src/syntax/source-unit.js';

type BlockFamily = ProgramLanguage | 'hcl' | 'json';

const FENCE_FAMILIES: Record<string, BlockFamily> = { hcl: 'hcl', terraform: 'hcl', tf: 'hcl', json: 'json', yml: 'yaml', tsx: 'nodejs', jsx: 'nodejs', mjs: 'nodejs', py3: 'python' };

/** Code that uses a Pulumi SDK, per language. */
const PULUMI_PROGRAM: Partial<Record<ProgramLanguage, RegExp>> = {
  python: /^[^\S\n\r\u2028\u2029]*(import pulumi(_\w+)?\b|from pulumi(_\w+)?(\.\w+)* import )/m,
  nodejs: /(from\s+|require\(\s*)["']@pulumi\/[\w-]+["']/,
  go: /"github\.com\/pulumi\/pulumi[\w-]*\//,
  java: /^[^\S\n\r\u2028\u2029]*import\s+com\.pulumi\./m,
  dotnet: /^[^\S\n\r\u2028\u2029]*using\s+Pulumi(\.\w+)*\s*;/m,
};
const LANGUAGE_LABELS: Record<ProgramLanguage, string> = { python: 'Python', nodejs: 'TypeScript/JavaScript', go: 'Go', java: 'Java', dotnet: 'C#', yaml: 'Pulumi YAML' };
const SDK_ADVICE: Record<ProgramLanguage, string> = {
  python: 'the Pulumi Python SDK (`import pulumi_aws as aws`)',
  nodejs: 'the Pulumi TypeScript SDK (`import * as aws from "@pulumi/aws"`)',
  go: 'the Pulumi Go SDK',
  java: 'the Pulumi Java SDK',
  dotnet: 'the Pulumi .NET SDK',
  yaml: 'a Pulumi YAML program',
};
const TERRAFORM = /^[^\S\n\r\u2028\u2029]*(resource|data)\s+"[\w-]+"\s+"[\w-]+"\s*\{|^[^\S\n\r\u2028\u2029]*(provider|variable|output|module)\s+"[\w-]+"\s*\{|^[^\S\n\r\u2028\u2029]*terraform\s*\{/m;
const CLOUDFORMATION_YAML = /^[^\S\n\r\u2028\u2029]*AWSTemplateFormatVersion\s*:|^[^\S\n\r\u2028\u2029]+Type:\s*["']?AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/m;
const CLOUDFORMATION_JSON = /"AWSTemplateFormatVersion"\s*:|"Type"\s*:\s*"AWS::[A-Za-z0-9]+::[A-Za-z0-9]+"/;
const CLOUDFORMATION_THROUGH_PULUMI = /cloudformation\.Stack\b|template_body|templateBody/;
/** A Pulumi YAML program: a `resources:` line, then an indented `type: provider:module:Type` line (two searches: as one pattern, `[\s\S]*` between them backtracked over every line). */
const PULUMI_YAML_RESOURCES = /^resources[^\S\n\r\u2028\u2029]*:[^\S\n\r\u2028\u2029]*$/m;
const PULUMI_YAML_TYPE = /^[^\S\n\r\u2028\u2029]+type[^\S\n\r\u2028\u2029]*:[^\S\n\r\u2028\u2029]*["']?[a-z0-9-]+:[\w/]+:\w+/m;

function isPulumiYamlProgram(code: string): boolean {
  const resources = PULUMI_YAML_RESOURCES.exec(code);
  return resources !== null && PULUMI_YAML_TYPE.test(code.slice(resources.index + resources[0].length));
}

function blockFamily(language: string): BlockFamily | undefined {
  return FENCE_FAMILIES[language] ?? programLanguageNamed(language);
}

/** What a block delivers that the task did not ask for, if anything. */
export function foreignDelivery(block: MarkdownCodeBlock, task: ProgramLanguage): string | undefined {
  const family = blockFamily(block.language);
  if (family === undefined || family === 'json') return family === 'json' && CLOUDFORMATION_JSON.test(block.code) ? 'a CloudFormation template' : undefined;
  if (family === 'hcl') return TERRAFORM.test(block.code) ? 'a Terraform configuration' : undefined;
  if (family === 'yaml') {
    if (CLOUDFORMATION_YAML.test(block.code)) return 'a CloudFormation template';
    return task !== 'yaml' && isPulumiYamlProgram(block.code) ? 'a Pulumi YAML program' : undefined;
  }
  if (family === task) return undefined;
  return PULUMI_PROGRAM[family]?.test(block.code) ? `a ${LANGUAGE_LABELS[family]} Pulumi program` : undefined;
}

/** The language most of the answer's own Pulumi programs are written in, when nothing else says. */
function answerMajority(blocks: readonly MarkdownCodeBlock[]): ProgramLanguage | undefined {
  const counts = new Map<ProgramLanguage, number>();
  for (const block of blocks) {
    const family = blockFamily(block.language);
    if (family === undefined || family === 'hcl' || family === 'json' || family === 'yaml') continue;
    if (PULUMI_PROGRAM[family]?.test(block.code)) counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && (!second || second[1] < first[1]) ? first[0] : undefined;
}

export const wrongLanguageForTask: ModelRule = {
  meta: {
    id: 'IAC603',
    name: 'wrong-language-for-task',
    title: 'Infrastructure in a language the task did not ask for',
    category: 'Language and Framework',
    severity: 'error',
    why: 'A model asked for Pulumi in one language sometimes answers, in part or in full, in another: a TypeScript program in a Python task, a Terraform configuration or a CloudFormation template in a Pulumi task. That code cannot join the project; what was asked for is missing.',
    fix: 'Write the infrastructure in the task\'s language with its Pulumi SDK (metadata.json `language`, Pulumi.yaml `runtime`); keep other languages to what belongs beside it: shell commands, configuration, policies and application code.',
    badExample: '```typescript\nimport * as aws from "@pulumi/aws";\nconst bucket = new aws.s3.Bucket("logs");\n```',
    goodExample: '```python\nimport pulumi_aws as aws\n\nbucket = aws.s3.Bucket("logs")\n```',
    example: { path: 'lib/MODEL_RESPONSE.md', project: { 'metadata.json': '{ "platform": "pulumi", "language": "py" }\n' } },
    seed: { report: 'model-failures-tracking', section: 'Pulumi-Specific Problems' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  project(project, context) {
    for (const file of project.files) {
      if (languageOf(file.path) !== 'markdown' || file.text === undefined) continue;
      const blocks = extractCodeBlocks(file.text);
      const declared = taskLanguageFor(file.path, project);
      const task = declared?.language ?? answerMajority(blocks);
      if (!task) continue;
      const source = declared ? declared.source : "most of the answer's programs";
      const lines = file.text.split(/\r?\n/);
      // An answer that deploys a CloudFormation stack through Pulumi shows its template legitimately.
      const deploysTemplates = CLOUDFORMATION_THROUGH_PULUMI.test(file.text);
      for (const block of blocks) {
        const what = foreignDelivery(block, task);
        if (!what || (deploysTemplates && what === 'a CloudFormation template')) continue;
        const line = block.fenceLine + 1;
        context.report({
          path: file.path,
          span: { line, column: 1, endLine: line, endColumn: (lines[block.fenceLine] ?? '').length + 1 },
          message: `This \`${block.language}\` block is ${what}, but the task asks for Pulumi in ${LANGUAGE_LABELS[task]} (${source}): write it with ${SDK_ADVICE[task]}.`,
        });
      }
    }
  },
};
