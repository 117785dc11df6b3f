import { assetPathOutsideProgramDirectory } from '../../checks/asset-path-outside-program-directory.js';
import { ruleTester } from '../support/rule-tester.js';

const TS = 'import * as pulumi from "@pulumi/pulumi";\nimport * as path from "path";\n';
/** A TypeScript project whose program runs in bin/, with its handler code in lib/lambda/. */
const BIN_MAIN = { 'Pulumi.yaml': 'name: tap\nruntime: nodejs\nmain: bin/tap.ts\n', 'bin/tap.ts': '', 'lib/lambda/index.js': '' };
/** A Python project whose program runs at the root, with its handler code in lib/lambda/. */
const ROOT_MAIN = { 'Pulumi.yaml': 'name: tap\nruntime: python\nmain: tap.py\n', 'tap.py': '', 'lib/lambda/handler.py': '' };

ruleTester(assetPathOutsideProgramDirectory, {
  valid: [
    { name: 'TypeScript: relative to the program folder', path: 'lib/tap-stack.ts', code: `${TS}new pulumi.asset.FileArchive("../lib/lambda");\n`, project: BIN_MAIN },
    { name: 'TypeScript: built from __dirname', path: 'lib/tap-stack.ts', code: `${TS}new pulumi.asset.FileArchive(path.join(__dirname, "lambda"));\nnew pulumi.asset.FileArchive(\`\${__dirname}/lambda\`);\n`, project: BIN_MAIN },
    { name: 'TypeScript: main names a folder, the program runs there', path: 'lib/index.ts', code: `${TS}new pulumi.asset.FileArchive("./lambda");\n`, project: { 'Pulumi.yaml': 'name: tap\nruntime: nodejs\nmain: lib/\n', 'lib/lambda/index.js': '' } },
    { name: 'a path that exists nowhere (a build output) is not judged', path: 'lib/tap-stack.ts', code: `${TS}new pulumi.asset.FileArchive("./dist/handler.zip");\n`, project: BIN_MAIN },
    { name: 'a bare file name beside the code that exists nowhere (the program writes it)', code: 'import pulumi\n\ncode = pulumi.FileArchive("./lambda_code.zip")\n', project: ROOT_MAIN },
    { name: 'no Pulumi.yaml: the working folder is not known', path: 'lib/tap-stack.ts', code: `${TS}new pulumi.asset.FileArchive("./lib/lambda");\n`, project: { 'lib/lambda/index.js': '' } },
    { name: 'tests run from the project root', path: 'test/tap-stack.unit.test.ts', code: `${TS}new pulumi.asset.FileArchive("./lib/lambda");\n`, project: BIN_MAIN },
    { name: 'Python: relative to the project root where the program runs', code: 'import pulumi\n\ncode = pulumi.FileArchive("./lib/lambda")\n', project: ROOT_MAIN },
    { name: 'Python: other calls with path-like strings', code: 'import pulumi\n\nopen("./lambda/handler.py")\npulumi.StringAsset("./lambda")\n', project: ROOT_MAIN },
  ],
  invalid: [
    {
      name: 'TypeScript: a root-relative path while the program runs in bin/',
      path: 'lib/tap-stack.ts',
      code: `${TS}const code = new pulumi.asset.FileArchive("./lib/lambda");\nconst asset = new pulumi.asset.FileAsset('./lib/lambda/index.js');\n`,
      project: BIN_MAIN,
      errors: [
        { line: 3, column: 43, message: /^`\.\/lib\/lambda` is resolved from `bin\/`, where the program runs \(Pulumi\.yaml sets `main: bin\/tap\.ts`\), and `bin\/lib\/lambda` does not exist, while `lib\/lambda` does: write `\.\.\/lib\/lambda`, or build the path from the source file's folder with `path\.join\(__dirname, \.\.\.\)`\.$/ },
        { line: 4, message: /write `\.\.\/lib\/lambda\/index\.js`/ },
      ],
    },
    {
      name: 'Python: a path relative to the source file while the program runs at the root',
      code: 'import pulumi\nfrom pulumi import FileArchive\n\nfirst = pulumi.FileArchive("./lambda")\nsecond = FileArchive("lambda")\n',
      project: ROOT_MAIN,
      errors: [
        { line: 4, message: /^`\.\/lambda` is resolved from `\.\/`, where the program runs \(Pulumi\.yaml sets `main: tap\.py`\), and `lambda` does not exist, while `lib\/lambda` does: write `\.\/lib\/lambda`, or build the path from the source file's folder with `os\.path\.join\(os\.path\.dirname\(__file__\), \.\.\.\)`\.$/ },
        { line: 5, message: /`lib\/lambda` does:/ },
      ],
    },
    {
      name: 'TypeScript: a file a build step puts in a project folder, named from the wrong folder',
      path: 'lib/tap-stack.ts',
      code: `${TS}new pulumi.asset.FileAsset("./lib/lambda/validator/bootstrap");\n`,
      project: { ...BIN_MAIN, 'lib/lambda/validator/main.go': '' },
      errors: [{ line: 3, message: /`bin\/lib\/lambda\/validator\/bootstrap` does not exist, while `lib\/lambda\/validator\/` does: write `\.\.\/lib\/lambda\/validator\/bootstrap`/ }],
    },
    {
      name: 'a Markdown answer is judged against the project it sits in',
      path: 'lib/MODEL_RESPONSE.md',
      code: '# Stack\n\n```typescript\nimport * as pulumi from "@pulumi/pulumi";\n\nconst code = new pulumi.asset.FileArchive("./lib/lambda");\n```\n',
      project: BIN_MAIN,
      errors: [{ line: 6, message: /write `\.\.\/lib\/lambda`/ }],
    },
  ],
});
