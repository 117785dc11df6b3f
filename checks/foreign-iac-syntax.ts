/**
 * IAC601: another tool's infrastructure language inside a Pulumi program (Python or
 * TypeScript): Terraform HCL blocks and `${var.x}` interpolations, AWS CDK / cdktf / cdk8s
 * imports, CloudFormation intrinsics (`!Ref`, `Fn::GetAtt`, `${AWS::Region}`).
 *
 * Pasted HCL or YAML usually does not parse, so IAC102 may report the same lines as a syntax
 * error; this rule names the cause. Text inside strings and comments is never read as HCL;
 * CloudFormation intrinsics inside strings are only reported when nothing in the unit works
 * with CloudFormation templates (`aws.cloudformation.Stack(template_body=...)` is legitimate).
 * CDK imports count only in a Pulumi program, known once every file has been seen (and never
 * with Pulumi's CDK interop, `pulumi_cdk` / `@pulumi/cdk`).
 */
import { placedReport } from '../src/api/report-placement.js';
import type { ModelRule, PlacedReport, UnitContext } from '../src/api/rule.js';
import { stringLiteralValue } from '../src/python/calls.js';
import { isDescriptivePythonText, isInStringOrComment } from '../src/python/code-position.js';
import { cachedImportBindings, importedTopModules } from '../src/python/fast-walk.js';
import { isPulumiModule } from '../src/python/project-python.js';
import { cloudFormationLines, cloudFormationString, mayHoldCloudFormationStrings, terraformSyntax, type TextPositions } from '../src/pulumi/foreign-iac.js';
import type { SourceLanguage } from '../src/pulumi/model.js';
import type { SyntaxNode } from '../src/syntax/flat-tree.js';
import { isDescriptiveTypeScriptText, isInTypeScriptStringOrComment } from '../src/typescript/code-position.js';
import { typeScriptStringValue } from '../src/typescript/strings.js';

const PYTHON_CDK_MODULES = new Set(['aws_cdk', 'constructs', 'aws_cdk_lib', 'cdk8s', 'cdktf']);
/** `aws-cdk-lib`, `aws-cdk-lib/aws-s3`, `@aws-cdk/aws-s3`, `constructs`, `cdktf`, `@cdktf/provider-aws`, `cdk8s`. */
const TYPESCRIPT_CDK_MODULE = /^(aws-cdk-lib(\/.*)?|@aws-cdk\/.+|constructs|cdktf|@cdktf\/.+|cdk8s(-plus.*)?)$/;
const PYTHON_MANIFEST = /(^|\/)(requirements[^/]*\.txt|Pipfile|pyproject\.toml|setup\.py|setup\.cfg)$/;
const PACKAGE_JSON = /(^|\/)package\.json$/;

interface ForeignSyntaxState {
  /** Units importing CDK modules, with their reports placed and kept until the program is known. */
  cdkCandidates: { ownPulumi: boolean; wholeFile: boolean; reports: PlacedReport[] }[];
  importsPulumiCdk: boolean;
  anyPulumiUnit: boolean;
}

export const foreignIacSyntax: ModelRule<ForeignSyntaxState> = {
  meta: {
    id: 'IAC601',
    name: 'foreign-iac-syntax',
    title: 'Terraform, CDK or CloudFormation syntax in Pulumi',
    category: 'Language and Framework',
    severity: 'error',
    why: 'Models trained on several IaC tools mix them: Terraform HCL blocks pasted into a .py or .ts file do not parse, CDK constructs are never deployed by `pulumi up`, and CloudFormation intrinsics such as `!Ref` or `{"Fn::GetAtt": ...}` are passed to AWS as literal text.',
    fix: 'Write the resource with the Pulumi SDK of the program\'s language (`aws.s3.Bucket("logs")`, `new aws.s3.Bucket("logs")`), reference other resources through their objects (`vpc.id`) and read settings with `pulumi.Config()`.',
    badExample: 'resource "aws_s3_bucket" "logs" {\n  bucket = "${var.prefix}-logs"\n}',
    goodExample: 'config = pulumi.Config()\nlogs = aws.s3.Bucket("logs", bucket=f"{config.require(\'prefix\')}-logs")',
    seed: { report: 'model-failures-tracking', section: 'Pulumi-Specific Problems' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: () => ({ cdkCandidates: [], importsPulumiCdk: false, anyPulumiUnit: false }),
  visitors: {
    python(context) {
      const { unit } = context;
      const strings: SyntaxNode[] = [];
      const readStrings = mayHoldCloudFormationStrings(unit.text);
      const positions: TextPositions = {
        inStringOrComment: (row, column) => isInStringOrComment(unit.root, { row, column }),
        isDescriptive: (row, column) => isDescriptivePythonText(unit.root, { row, column }),
      };
      return {
        ...(readStrings ? { string: (node: SyntaxNode) => void strings.push(node) } : {}),
        'unit:exit'() {
          reportText(context, positions, 'python');
          for (const node of strings) {
            const value = stringLiteralValue(node);
            const problem = value === undefined ? undefined : cloudFormationString(value, isPythonRefValue(node), 'python');
            if (problem) context.report({ node: problem.onPair ? (node.parent ?? node) : node, message: problem.message });
          }
          const modules = importedTopModules(unit.imports);
          const ownPulumi = [...modules].some(isPulumiModule);
          context.state.anyPulumiUnit ||= ownPulumi;
          context.state.importsPulumiCdk ||= modules.has('pulumi_cdk');
          if ([...modules].some((module) => PYTHON_CDK_MODULES.has(module))) keepCdkReports(context, ownPulumi, pythonCdkImports(unit.root));
        },
      };
    },
    typescript(context) {
      const { unit } = context;
      const strings: SyntaxNode[] = [];
      const cdkImports: { node: SyntaxNode; module: string }[] = [];
      const readStrings = mayHoldCloudFormationStrings(unit.text);
      const positions: TextPositions = {
        inStringOrComment: (row, column) => isInTypeScriptStringOrComment(unit.root, { row, column }),
        isDescriptive: (row, column) => isDescriptiveTypeScriptText(unit.root, { row, column }),
      };
      return {
        ...(readStrings ? { string: (node: SyntaxNode) => void strings.push(node) } : {}),
        import_statement(node) {
          const source = node.childForFieldName('source');
          const module = source ? typeScriptStringValue(source) : '';
          if (TYPESCRIPT_CDK_MODULE.test(module)) cdkImports.push({ node, module });
        },
        'unit:exit'() {
          reportText(context, positions, 'typescript');
          for (const node of strings) {
            const problem = cloudFormationString(typeScriptStringValue(node), isTypeScriptRefValue(node), 'typescript');
            if (problem) context.report({ node: problem.onPair ? (node.parent ?? node) : node, message: problem.message });
          }
          const modules = [...unit.imports.values()];
          const ownPulumi = modules.some((module) => module.startsWith('@pulumi/'));
          context.state.anyPulumiUnit ||= ownPulumi;
          context.state.importsPulumiCdk ||= modules.some((module) => module.startsWith('@pulumi/cdk'));
          keepCdkReports(context, ownPulumi, cdkImports.map(({ node, module }) => ({ node, what: cdkName(module) })));
        },
      };
    },
  },
  project(project, context) {
    const { state } = context;
    const manifests = project.paths.filter((path) => PYTHON_MANIFEST.test(path) || (PACKAGE_JSON.test(path) && !path.includes('node_modules/')));
    const cdkInterop = state.importsPulumiCdk || manifests.some((path) => /pulumi[-_]cdk|@pulumi\/cdk/i.test(project.readFile(path) ?? ''));
    if (cdkInterop) return;
    const pulumiProject = project.paths.some((path) => /(^|\/)Pulumi\.ya?ml$/.test(path)) || state.anyPulumiUnit;
    const cdkProject = project.paths.some((path) => /(^|\/)cdk\.json$/.test(path));
    for (const candidate of state.cdkCandidates) {
      // A code block in documentation only counts when it is itself a Pulumi program.
      const isPulumiProgram = candidate.ownPulumi || (candidate.wholeFile && pulumiProject && !cdkProject);
      if (isPulumiProgram) for (const found of candidate.reports) context.report(found);
    }
  },
};

/** Terraform and CloudFormation lines of the unit's text. */
function reportText(context: UnitContext<ForeignSyntaxState>, positions: TextPositions, language: SourceLanguage): void {
  const text = context.unit.text;
  for (const found of [...terraformSyntax(text, positions, language), ...cloudFormationLines(text, positions, language)]) {
    context.report({ start: { row: found.row, column: found.start }, end: { row: found.row, column: found.end }, message: found.message });
  }
}

/** CDK import statements, placed now and reported at the end if the unit belongs to a Pulumi program. */
function keepCdkReports(context: UnitContext<ForeignSyntaxState>, ownPulumi: boolean, imports: { node: SyntaxNode; what: string }[]): void {
  if (!imports.length) return;
  const { unit } = context;
  const reports = imports.map(({ node, what }) =>
    placedReport(unit, {
      node,
      message: `\`${node.text.replace(/\s+/g, ' ')}\` imports ${what} into a Pulumi program: CDK constructs are not Pulumi resources and \`pulumi up\` never deploys them; use ${unit.language === 'python' ? '`pulumi_aws` classes' : '`@pulumi/aws` classes'}.`,
    }),
  );
  context.state.cdkCandidates.push({ ownPulumi, wholeFile: unit.origin !== 'markdown-block', reports });
}

function cdkName(module: string): string {
  if (module === 'constructs') return 'the CDK `constructs` library';
  if (module.includes('cdktf')) return 'CDK for Terraform';
  if (module.startsWith('cdk8s')) return 'cdk8s';
  return 'the AWS CDK';
}

/** One report per Python import statement of a CDK module. */
function pythonCdkImports(root: SyntaxNode): { node: SyntaxNode; what: string }[] {
  const found = new Map<number, { node: SyntaxNode; what: string }>();
  for (const binding of cachedImportBindings(root)) {
    if (!PYTHON_CDK_MODULES.has(binding.module)) continue;
    const statement = binding.node.parent?.type === 'import_statement' || binding.node.parent?.type === 'import_from_statement' ? binding.node.parent : binding.node;
    if (!found.has(statement.id)) found.set(statement.id, { node: statement, what: cdkName(binding.module === 'aws_cdk_lib' ? 'aws_cdk' : binding.module) });
  }
  return [...found.values()];
}

/** `{"Ref": "AWS::Region"}`: the string is the value of a `"Ref"` key. */
function isPythonRefValue(node: SyntaxNode): boolean {
  const pair = node.parent;
  if (!pair || pair.type !== 'pair' || pair.childForFieldName('value')?.id !== node.id) return false;
  const key = pair.childForFieldName('key');
  return key !== null && stringLiteralValue(key) === 'Ref';
}

/** `{ Ref: 'AWS::Region' }` or `{ "Ref": ... }`. */
function isTypeScriptRefValue(node: SyntaxNode): boolean {
  const pair = node.parent;
  if (!pair || pair.type !== 'pair' || pair.childForFieldName('value')?.id !== node.id) return false;
  const key = pair.childForFieldName('key');
  if (!key) return false;
  return (key.type === 'string' ? typeScriptStringValue(key) : key.text) === 'Ref';
}
