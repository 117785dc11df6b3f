/**
 * IAC110: a relative asset or archive path (`new pulumi.asset.FileArchive("./lib/lambda")`,
 * `pulumi.FileArchive("./lambda")`) that names nothing from the folder the program runs in, while
 * it does name a project folder from elsewhere (the project root, the source file's folder).
 * Pulumi runs the program in the folder of `Pulumi.yaml`, or in the folder `main` names
 * (`main: bin/tap.ts` runs in `bin/`), so `./lib/lambda` there is `bin/lib/lambda`, and
 * `pulumi up` fails reading the archive. Judged only on paths the project's file listing can
 * prove: a path that exists nowhere (built by a script) is not reported.
 */
import { posix } from 'node:path';
import type { ModelRule, ProjectView, UnitContext } from '../src/api/rule.js';
import { normalized, parentFolder, programDirectoryFor, type ProgramDirectory } from '../src/packaging/program-directory.js';
import { calleeName } from '../src/python/calls.js';
import { stringValue } from '../src/python/literal-values.js';
import { importsOf } from '../src/python/units.js';
import type { SyntaxNode } from '../src/syntax/flat-tree.js';
import { qualifiedTypeScriptName } from '../src/typescript/classes.js';
import { typeScriptLiteralString } from '../src/typescript/strings.js';

const PYTHON_ASSETS = new Set(['pulumi.FileArchive', 'pulumi.FileAsset', 'pulumi.asset.FileArchive', 'pulumi.asset.FileAsset']);
const TYPESCRIPT_ASSETS = new Set(['@pulumi/pulumi.asset.FileArchive', '@pulumi/pulumi.asset.FileAsset']);

interface State {
  project: ProjectView;
  /** Every file and folder of the project listing, relative to the reviewed root. */
  existing?: Set<string>;
  /** The program directory by the folder of the file the code is in (one read of its Pulumi.yaml). */
  directories: Map<string, ProgramDirectory | undefined>;
}

export const assetPathOutsideProgramDirectory: ModelRule<State> = {
  meta: {
    id: 'IAC110',
    name: 'asset-path-outside-program-directory',
    title: 'Asset path resolved from the wrong folder',
    category: 'Code Generation',
    severity: 'error',
    why: 'Models write archive paths relative to the project root or to the source file (`./lib/lambda`), but Pulumi resolves them from the folder the program runs in: the folder of `Pulumi.yaml`, or the one `main` names (`main: bin/tap.ts` runs in `bin/`). The archive is then missing and `pulumi up` fails.',
    fix: 'Write the path relative to the program\'s folder (`../lib/lambda` when the program runs in `bin/`), or build it from the source file\'s own folder: `path.join(__dirname, "lambda")`, `os.path.join(os.path.dirname(__file__), "lambda")`.',
    badExample: '// Pulumi.yaml: main: bin/tap.ts; the handler is in lib/lambda/\nimport * as pulumi from "@pulumi/pulumi";\n\nconst code = new pulumi.asset.FileArchive("./lib/lambda");',
    goodExample: '// Pulumi.yaml: main: bin/tap.ts; the handler is in lib/lambda/\nimport * as path from "path";\nimport * as pulumi from "@pulumi/pulumi";\n\nconst code = new pulumi.asset.FileArchive(path.join(__dirname, "lambda"));',
    example: { project: { 'Pulumi.yaml': 'name: tap\nruntime: nodejs\nmain: bin/tap.ts\n', 'bin/tap.ts': '', 'lib/lambda/index.js': '' } },
    seed: { report: 'model-failures-tracking', section: 'Incorrect API Usage' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: (project) => ({ project, directories: new Map() }),
  visitors: {
    python: (context) => ({
      call(call) {
        if (!PYTHON_ASSETS.has(calleeName(call, importsOf(context.unit)) ?? '')) return;
        const first = call.childForFieldName('arguments')?.namedChildren[0];
        const path = first && first.type !== 'keyword_argument' ? stringValue(first) : undefined;
        if (first && path !== undefined) judge(context, first, path, 'python');
      },
    }),
    typescript: (context) => ({
      new_expression(node) {
        const constructor = node.childForFieldName('constructor');
        if (!constructor || !TYPESCRIPT_ASSETS.has(qualifiedTypeScriptName(constructor, context.unit.imports) ?? '')) return;
        const first = node.childForFieldName('arguments')?.namedChildren[0];
        const path = typeScriptLiteralString(first);
        if (first && path !== undefined) judge(context, first, path, 'typescript');
      },
    }),
  },
};

function judge(context: UnitContext<State>, node: SyntaxNode, written: string, language: 'python' | 'typescript'): void {
  if (context.unit.isTestFile || !written.trim() || posix.isAbsolute(written) || /^[a-z]+:\/\//i.test(written)) return;
  const { state } = context;
  const fileFolder = parentFolder(context.file.path);
  if (!state.directories.has(fileFolder)) state.directories.set(fileFolder, programDirectoryFor(context.file.path, state.project));
  const directory = state.directories.get(fileFolder);
  if (!directory) return;
  const existing = (state.existing ??= listing(state.project));
  const resolved = normalized(posix.join(directory.cwd, written));
  if (existing.has(resolved)) return;
  // What the author meant: the path from the project root or the source file's folder, when the
  // listing has it, or has its folder (a file a build step puts there) while the resolved one has neither.
  let shown: string | undefined;
  let meant: string | undefined;
  for (const base of [directory.root, fileFolder]) {
    const candidate = normalized(posix.join(base, written));
    if (candidate === resolved || candidate.startsWith('../')) continue;
    if (existing.has(candidate)) [meant, shown] = [candidate, candidate];
    // The folder counts only when the path names it (`./lib/lambda/x/bootstrap`), not for a bare file name beside the code.
    else if (parentFolder(candidate) !== base && existing.has(parentFolder(candidate)) && !existing.has(parentFolder(resolved))) [meant, shown] = [candidate, `${parentFolder(candidate)}/`];
    if (meant) break;
  }
  if (meant === undefined) return;
  const relative = posix.relative(directory.cwd, meant) || '.';
  const fromSource = language === 'typescript' ? '`path.join(__dirname, ...)`' : '`os.path.join(os.path.dirname(__file__), ...)`';
  context.report({
    node,
    message: `\`${written}\` is resolved from \`${directory.cwd || '.'}/\`, where the program runs (${directory.reason}), and \`${resolved || '.'}\` does not exist, while \`${shown}\` does: write \`${relative.startsWith('.') ? relative : `./${relative}`}\`, or build the path from the source file's folder with ${fromSource}.`,
  });
}

/** The project's files and every folder above them. */
function listing(project: ProjectView): Set<string> {
  const existing = new Set<string>();
  for (const path of [...project.paths, ...project.files.map((file) => file.path)]) {
    let current = normalized(path);
    while (current && !existing.has(current)) {
      existing.add(current);
      current = parentFolder(current);
    }
  }
  return existing;
}
