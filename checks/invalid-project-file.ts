/**
 * IAC111: a `Pulumi.yaml` that Pulumi refuses to load, in the project or in an answer's YAML
 * block that is one (named `Pulumi.yaml`, or a document with top-level `name:` and `runtime:`):
 * a provider key such as `aws:region` with a `default:` or a `type:` (only the project's own keys
 * may declare them; another namespace's key takes a `value:`), a key with both `default` and
 * `value`, a file without `name` or `runtime`. Every `pulumi` command fails on it.
 */
import { posix } from 'node:path';
import type { ModelRule, ReviewedFile } from '../src/api/rule.js';
import { namedFile } from '../src/markdown/block-files.js';
import { extractCodeBlocks } from '../src/markdown/code-blocks.js';
import { projectFileProblems } from '../src/packaging/project-file-problems.js';
import { languageOf } from '../src/syntax/source-unit.js';

const PROJECT_FILE = /^Pulumi\.ya?ml$/;
const TOP_LEVEL_NAME = /^name[^\S\n]*:/m;
const TOP_LEVEL_RUNTIME = /^runtime[^\S\n]*:/m;

/** Project-file text shown in a Markdown answer: its YAML blocks that are, or name, a `Pulumi.yaml`. */
function projectFileBlocks(file: ReviewedFile & { text: string }) {
  const lines = file.text.split(/\r?\n/);
  return extractCodeBlocks(file.text).filter((block) => {
    if (!['yaml', 'yml', ''].includes(block.language)) return false;
    const named = namedFile(lines, block.fenceLine, block.code.split('\n', 1)[0]);
    if (named !== undefined) return PROJECT_FILE.test(posix.basename(named));
    return block.language !== '' && TOP_LEVEL_NAME.test(block.code) && TOP_LEVEL_RUNTIME.test(block.code);
  });
}

export const invalidProjectFile: ModelRule = {
  meta: {
    id: 'IAC111',
    name: 'invalid-project-file',
    title: 'Pulumi.yaml that Pulumi refuses to load',
    category: 'Code Generation',
    severity: 'error',
    why: 'Models give provider settings defaults in the project file (`aws:region:` with `default: us-east-1`), but only the project\'s own configuration keys may declare a `default` or a `type`; another namespace\'s key takes a `value`. Pulumi validates the project file before anything else, so `pulumi preview`, `up` and `config` all stop with "is not namespaced by the project and should not define a default value".',
    fix: 'Give provider keys a `value:` (`aws:region:` / `value: us-east-1`), or leave them out of Pulumi.yaml and set them per stack with `pulumi config set aws:region us-east-1`; keep `default:` and `type:` for the project\'s own keys.',
    badExample: 'name: tap\nruntime: nodejs\nconfig:\n  aws:region:\n    description: AWS region to deploy to\n    default: us-east-1',
    goodExample: 'name: tap\nruntime: nodejs\nconfig:\n  aws:region:\n    value: us-east-1\n  environmentSuffix:\n    type: string\n    default: dev',
    example: { path: 'Pulumi.yaml' },
    seed: { report: 'model-failures-tracking', section: 'Pulumi-Specific Problems' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  project(project, context) {
    // Reviewed project files only, as manifests: in a change review, those the change touches.
    const projectFiles = project.files.filter((file) => PROJECT_FILE.test(posix.basename(file.path)));
    for (const { path, text } of projectFiles) {
      if (text === undefined) continue;
      for (const problem of projectFileProblems(text)) {
        context.report({ path, span: { line: problem.line, column: problem.column, endLine: problem.line, endColumn: problem.endColumn }, message: problem.message });
      }
    }
    for (const file of project.files) {
      if (file.text === undefined || languageOf(file.path) !== 'markdown') continue;
      for (const block of projectFileBlocks({ ...file, text: file.text })) {
        const excerpt = !(TOP_LEVEL_NAME.test(block.code) || TOP_LEVEL_RUNTIME.test(block.code));
        for (const problem of projectFileProblems(block.code, excerpt)) {
          const line = block.lineOffset + problem.line;
          const span = { line, column: problem.column + block.columnOffset, endLine: line, endColumn: problem.endColumn + block.columnOffset };
          context.report({ path: file.path, span, message: `${problem.message} (the answer's Pulumi.yaml)` });
        }
      }
    }
  },
};
