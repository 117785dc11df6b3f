/**
 * Property tests (fast-check): mutated, truncated, random and pathological inputs through every detector
 * (`reviewWithCatalog`) and through the Markdown extractor. Whatever the input:
 * - nothing throws, and no detector fails (the engine turns a detector's exception into an
 *   IAC002 "rule ... could not check" finding, which counts as a failure here);
 * - every finding lies inside its file: 1 <= line <= endLine <= line count, columns >= 1,
 *   column <= line length + 1, endColumn <= end line length + 1 (and >= column on one line).
 *
 * Runs are seeded: the seed is in each test's name and fast-check prints it with the shrunk
 * counterexample on failure. Reproduce with PROPERTY_SEED=<seed>; scale the number of cases
 * with PROPERTY_RUNS=<factor> (1 by default: 10,000+ generated cases in total).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig, type ResolvedConfig } from '../../src/core/config.js';
import { decodeText } from '../../src/core/decode.js';
import { reviewWithCatalog, type InputFile } from '../../src/core/index.js';
import { extractPythonBlocks } from '../../src/markdown/code-blocks.js';
import { markdownPython } from '../../src/python/markdown-python.js';
import type { Finding } from '../../src/api/types.js';
import { generateCorpus } from '../bench/corpus.js';
import { PATHOLOGICAL_SHAPES } from '../support/pathological-shapes.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20_251_121);
const SCALE = Number(process.env.PROPERTY_RUNS ?? 1);
const runs = (count: number) => Math.max(1, Math.round(count * SCALE));
const TIMEOUT = 120_000;

/** Small realistic files: generated Pulumi stacks, tests and Markdown answers of about 1 kB. */
const CORPUS = generateCorpus({ seed: 7, files: 48, totalBytes: 48_000, manifests: true });
const SOURCES = CORPUS.filter((file) => /\.(py|md)$/.test(file.path) && file.content.length > 0);
const HAND_WRITTEN: { path: string; content: string }[] = [
  {
    path: 'lib/tap_stack.py',
    content:
      'import json\nimport pulumi\nimport pulumi_aws as aws\n\n\nclass TapStack(pulumi.ComponentResource):\n    """Stack."""\n\n    def __init__(self, name, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n        vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")\n        for i, az in enumerate(["us-east-1a", "us-east-1b"]):\n            aws.ec2.Subnet(f"{name}-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i}.0/24", availability_zone=az)\n        aws.ec2.SecurityGroup("sg", vpc_id=vpc.id, ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}])\n        aws.s3.Bucket("test-bucket", acl="public-read")\n        aws.iam.Policy("p", policy=json.dumps({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))\n        self.register_outputs({})\n',
  },
  {
    path: 'tests/unit/test_tap_stack.py',
    content:
      '"""Tests."""\nimport unittest\n\nimport pulumi\n\n\nclass TestStack(unittest.TestCase):\n    def test_handler(self):\n        with open("lib/lambda/handler.py") as f:\n            code = f.read()\n        exec(code, globals())\n        self.assertEqual(handler({}, None)["statusCode"], 200)\n\n    def test_nothing(self):\n        pulumi.Output.from_input(1)\n',
  },
  {
    path: 'lib/MODEL_RESPONSE.md',
    content:
      '# Answer\n\nHere is the stack:\n\n```python\nimport pulumi_aws as aws\n\nclass TapStack:\n    def __init__(self, name):\n        self.vpc = aws.ec2.Vpc(name, cidr_block="10.0.0.0/16")\n```\n\n1. And a list item:\n   ```py\n   resource "aws_s3_bucket" "b" {\n     bucket = "b"\n   }\n   ```\n\nThen the tests:\n\n```python\ndef test_vpc():\n    with open(\n',
  },
];
const SNIPPETS = [...HAND_WRITTEN, ...SOURCES.map(({ path, content }) => ({ path, content }))];
const REQUIREMENTS = ['pulumi>=3.0.0,<4.0.0\npulumi-aws>=6.0.0,<7.0.0\n', 'pulumi==2.0\npulumi-aws>=6\n', 'boto3\npulumi-aws==5.*\n# iac-review: ignore[IAC602] pinned on purpose\n'];

const CONFIGS: ResolvedConfig[] = [
  resolveConfig({}, catalogIds),
  resolveConfig({ environment: 'production', region: 'us-east-1' }, catalogIds),
  resolveConfig({ region: 'eu-west-1', rules: { IAC401: 'off' }, limits: { parse_timeout_ms: 0 } }, catalogIds),
];

/** Characters and fragments that matter to Python and Markdown syntax. */
const FRAGMENTS = [
  '(', ')', '[', ']', '{', '}', ':', ',', '.', '=', '"', "'", '"""', "'''", 'f"', 'rb"', '#', '\\', '\n', '\r\n', '\r', ' ', '    ', '\t',
  '```', '```python\n', '~~~', '\n```\n', 'def ', 'class ', 'lambda ', 'self.', 'aws.', '**', '*', '0.0.0.0/0', 'us-west-2', '{x}', 'é', '🚀', '\u00a0', '\ufeff', '\u0000',
];
const TOKENS = [
  'import', 'pulumi', 'pulumi_aws', 'as', 'aws', 'from', 'json', 'class', 'TapStack', '(', ')', 'pulumi.ComponentResource', ':', 'def', '__init__', 'self', ',', 'name',
  'opts', '=', 'None', 'super().__init__', '"tap:stack:TapStack"', 'aws.ec2.Vpc', 'aws.ec2.Subnet', 'aws.ec2.SecurityGroup', 'aws.s3.Bucket', 'aws.rds.Instance', 'aws.Provider',
  'cidr_block', '"10.0.0.0/16"', '"10.0.1.0/24"', 'ingress', '[', ']', '{', '}', '"protocol"', '"tcp"', '"from_port"', '22', '"cidr_blocks"', '"0.0.0.0/0"', 'region',
  '"us-east-1"', '"eu-west-1"', 'for', 'i', 'in', 'enumerate', 'range', 'if', 'else', 'return', 'exec', 'eval', 'os.system', 'subprocess.run', 'shell', 'True', 'False',
  'pulumi.ResourceOptions', 'parent', 'depends_on', 'provider', 'f"{name}-x"', '"ami-0abc1234def567890"', '"123456789012"', 'password', '"hunter2"', 'assert', 'pass',
  '...', '# TODO', 'raise NotImplementedError', 'lambda', 'with', 'open', 'try', 'except', 'Exception', 'yield', 'async', 'await', '@pulumi.runtime.test', '.', 'apply',
  'resource "aws_s3_bucket" "b"', 'Resources:', 'Type: AWS::S3::Bucket', 'runtime', '"python3.7"', 'skip_final_snapshot', 'storage_encrypted', 'acl', '"public-read"',
];
const WHITESPACE = [' ', ' ', ' ', '', '\n', '\n    ', '\n        ', '\n\n', '\t', ' \\\n'];

interface Edit {
  kind: 'insert' | 'delete' | 'replace';
  at: number;
  length: number;
  text: string;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of edits) {
    const at = edit.at % (result.length + 1);
    if (edit.kind === 'insert') result = result.slice(0, at) + edit.text + result.slice(at);
    else if (edit.kind === 'delete') result = result.slice(0, at) + result.slice(at + edit.length);
    else result = result.slice(0, at) + edit.text + result.slice(at + edit.length);
  }
  return result;
}

const snippet = fc.constantFrom(...SNIPPETS);
const fragment = fc.constantFrom(...FRAGMENTS);
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 12 }),
  text: fc.oneof(fragment, fc.string({ maxLength: 4 })),
});
const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...WHITESPACE)), { maxLength: 80 })
  .map((parts) => parts.map(([token, space]) => token + space).join(''));
const markdown = fc
  .array(
    fc.oneof(
      fc.constantFrom('# Title', 'Some prose about the stack.', '', '- item', '1. step', '> quote', '    indented text'),
      fc.tuple(fc.constantFrom('', ' ', '   ', '    '), fc.constantFrom('```python', '```py', '```Python', '~~~python', '````python', '```', '```bash', '~~~')).map(([indent, fence]) => indent + fence),
      tokenSoup.map((code) => code.slice(0, 200)),
      snippet.map((file) => file.content.split('\n').slice(0, 8).join('\n')),
    ),
    { maxLength: 24 },
  )
  .map((lines) => lines.join('\n'));

interface Case {
  path: string;
  content: string | Uint8Array;
  config: ResolvedConfig;
  mode: 'scan' | 'change';
  requirements: string | undefined;
}

const caseOf = (content: fc.Arbitrary<{ path: string; content: string | Uint8Array }>): fc.Arbitrary<Case> =>
  fc
    .record({
      file: content,
      config: fc.constantFrom(...CONFIGS),
      mode: fc.constantFrom('scan' as const, 'change' as const),
      requirements: fc.option(fc.oneof(fc.constantFrom(...REQUIREMENTS), tokenSoup.map((text) => text.slice(0, 120))), { nil: undefined }),
    })
    .map(({ file, config, mode, requirements }) => ({ path: file.path, content: file.content, config, mode, requirements }));

function textOf(content: InputFile['content']): string | undefined {
  const decoded = decodeText(content);
  return decoded.ok ? decoded.text : undefined;
}

/** The findings' positions must lie inside their files (lines split as the engine splits them). */
function positionProblems(findings: readonly Finding[], texts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const finding of findings) {
    const text = texts.get(finding.path) ?? '';
    const lines = text.split(/\r?\n/);
    const where = `${finding.ruleId} ${finding.path}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
    const lineLength = (line: number) => lines[line - 1]?.length ?? -1;
    if (!(finding.line >= 1 && finding.line <= finding.endLine && finding.endLine <= lines.length)) problems.push(`${where}: lines outside 1..${lines.length}`);
    if (!(finding.column >= 1 && finding.endColumn >= 1)) problems.push(`${where}: column below 1`);
    if (finding.column > lineLength(finding.line) + 1) problems.push(`${where}: column past the end of line ${finding.line}`);
    if (finding.endColumn > lineLength(finding.endLine) + 1) problems.push(`${where}: end column past the end of line ${finding.endLine}`);
    if (finding.line === finding.endLine && finding.endColumn < finding.column) problems.push(`${where}: ends before it starts`);
  }
  return problems;
}

let casesRun = 0;

/**
 * Lets the event loop turn now and then: node-tree-sitter frees a tree's native memory in a
 * finalizer Node runs from the event loop, so thousands of back-to-back synchronous reviews
 * would otherwise hold every tree until the test ends.
 */
async function checkCaseAsync(testCase: Case): Promise<boolean> {
  if (casesRun % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  return checkCase(testCase);
}

/** Reviews one generated case and checks the properties (an assertion throws on a violation). */
function checkCase(testCase: Case): boolean {
  casesRun++;
  const files: InputFile[] = [{ path: testCase.path, content: testCase.content, status: 'added' }];
  if (testCase.requirements !== undefined) files.push({ path: 'requirements.txt', content: testCase.requirements, status: 'modified' });
  const result = reviewWithCatalog({ files, config: testCase.config, mode: testCase.mode });
  const failed = result.findings.filter((finding) => finding.ruleId === 'IAC002' && /could not check/.test(finding.message));
  expect(failed.map((finding) => finding.message)).toEqual([]);
  const texts = new Map<string, string>();
  for (const file of files) {
    const text = textOf(file.content);
    if (text !== undefined) texts.set(file.path, text);
  }
  expect(positionProblems(result.findings, texts)).toEqual([]);
  return true;
}

const options = (numRuns: number) => ({ seed: SEED, numRuns: runs(numRuns), endOnFailure: false });

describe(`properties of the engine (seed ${SEED})`, () => {
  it(
    'mutated files (characters inserted, deleted, replaced)',
    async () => {
      const arbitrary = caseOf(fc.tuple(snippet, fc.array(edit, { minLength: 1, maxLength: 6 })).map(([file, edits]) => ({ path: file.path, content: applyEdits(file.content, edits) })));
      await fc.assert(fc.asyncProperty(arbitrary, checkCaseAsync), options(2_800));
    },
    TIMEOUT,
  );

  it(
    'truncated files (random prefixes)',
    async () => {
      const arbitrary = caseOf(fc.tuple(snippet, fc.nat()).map(([file, cut]) => ({ path: file.path, content: file.content.slice(0, cut % (file.content.length + 1)) })));
      await fc.assert(fc.asyncProperty(arbitrary, checkCaseAsync), options(2_000));
    },
    TIMEOUT,
  );

  it(
    'prefixes of three files (every fourth character)',
    () => {
      const config = CONFIGS[0] as ResolvedConfig;
      const files = HAND_WRITTEN;
      for (const file of files) {
        for (let end = 0; end <= file.content.length; end += Math.max(1, Math.floor(4 / SCALE))) {
          checkCase({ path: file.path, content: file.content.slice(0, end), config, mode: 'change', requirements: undefined });
        }
      }
    },
    TIMEOUT,
  );

  it(
    'random Python-ish token soup',
    async () => {
      const arbitrary = caseOf(fc.tuple(fc.constantFrom('lib/tap_stack.py', 'tests/unit/test_tap_stack.py', 'tap.py', 'lib/components/network.py'), tokenSoup).map(([path, content]) => ({ path, content })));
      await fc.assert(fc.asyncProperty(arbitrary, checkCaseAsync), options(2_000));
    },
    TIMEOUT,
  );

  it(
    'random bytes',
    async () => {
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.tuple(snippet, fc.uint8Array({ maxLength: 40 })).map(([file, tail]) => Buffer.concat([Buffer.from(file.content.slice(0, 300)), Buffer.from(tail)])),
        fc.string({ unit: 'binary', maxLength: 200 }),
      );
      const arbitrary = caseOf(fc.tuple(fc.constantFrom('lib/tap_stack.py', 'lib/MODEL_RESPONSE.md', 'tests/test_x.py'), bytes).map(([path, content]) => ({ path, content })));
      await fc.assert(fc.asyncProperty(arbitrary, checkCaseAsync), options(1_500));
    },
    TIMEOUT,
  );

  it(
    'random Markdown with fences',
    async () => {
      const arbitrary = caseOf(fc.tuple(fc.constantFrom('lib/MODEL_RESPONSE.md', 'README.md', 'docs/answer.markdown'), markdown).map(([path, content]) => ({ path, content })));
      await fc.assert(fc.asyncProperty(arbitrary, checkCaseAsync), options(1_500));
    },
    TIMEOUT,
  );

  it(
    'pathological shapes (test/support/pathological-shapes.ts) at small sizes, mutated',
    async () => {
      // The shapes that once stalled or crashed the engine, cut and edited at random: their
      // timing is linear-time.test.ts's job, their findings must still be well formed.
      const shaped = fc.tuple(fc.constantFrom(...PATHOLOGICAL_SHAPES), fc.integer({ min: 1, max: 3_000 }), fc.array(edit, { maxLength: 4 })).map(([shape, size, edits]) => {
        const [file] = shape.files(size);
        return { path: file?.path ?? 'lib/a.py', content: applyEdits(file?.content ?? '', edits) };
      });
      await fc.assert(fc.asyncProperty(caseOf(shaped), checkCaseAsync), options(800));
    },
    TIMEOUT,
  );

  it('ran at least 10,000 generated cases through the engine', () => {
    // Runs last (vitest runs a file's tests in order): the count of the tests above.
    expect(casesRun).toBeGreaterThanOrEqual(SCALE >= 1 ? 10_000 : 1);
    console.log(`engine cases: ${casesRun}`);
  });
});

describe(`properties of the Markdown extractor (seed ${SEED})`, () => {
  it('a lone carriage return does not end a line (the engine counts lines as \\n and \\r\\n)', () => {
    const text = 'Intro\rstill the first line\n```python\nx = 1\rexec(x)\n```\n';
    expect(extractPythonBlocks(text)).toMatchObject([{ code: 'x = 1\rexec(x)\n', lineOffset: 2, columnOffset: 0, closed: true }]);
    const result = reviewWithCatalog({ files: [{ path: 'answer.md', content: text }], config: CONFIGS[0] as ResolvedConfig, mode: 'scan' });
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC307').map((finding) => [finding.line, finding.column])).toEqual([[3, 7]]);
  });

  it(
    'blocks lie inside the document, whatever the Markdown',
    () => {
      const document = fc.oneof(
        markdown,
        fc.tuple(markdown, fc.array(edit, { maxLength: 5 })).map(([text, edits]) => applyEdits(text, edits)),
        fc.string({ maxLength: 300 }),
      );
      fc.assert(
        fc.property(document, (text) => {
          const lines = text.split(/\r?\n/);
          // The Python front-end's blocks too: blocks cut where prose starts, and Python outside any fence.
          for (const block of [...extractPythonBlocks(text), ...markdownPython(text).blocks]) {
            expect(block.lineOffset).toBeGreaterThanOrEqual(block.ending === 'unfenced' ? 0 : 1);
            expect(block.columnOffset).toBeGreaterThanOrEqual(0);
            const codeLines = block.code === '' ? [] : block.code.replace(/\n$/, '').split('\n');
            expect(block.lineOffset + codeLines.length).toBeLessThanOrEqual(lines.length);
            expect(typeof ('closed' in block ? block.closed : block.fenceClosed)).toBe('boolean');
            // Each code line comes from the document line it is mapped to (indentation aside; a
            // closing fence glued to the last line is not code).
            codeLines.forEach((code, index) => {
              let line = (lines[block.lineOffset + index] ?? '').replace(/\0/g, '\uFFFD');
              if (block.ending === 'glued-fence' && index === codeLines.length - 1) line = line.replace(/[ \t]*(`{3,}|~{3,})[ \t]*$/, '');
              expect(line.endsWith(code.trimStart())).toBe(true);
            });
          }
        }),
        { seed: SEED, numRuns: runs(3_000) },
      );
    },
    TIMEOUT,
  );
});
