/**
 * Inputs crafted to make a reviewer slow: each shape makes files of about `n` bytes whose
 * review time must grow linearly with `n` (test/core/linear-time.test.ts runs each at n and
 * 2n; the property tests mix small ones into their cases). Every shape here stalled the engine
 * (seconds to minutes at ~100 KB) before it was fixed, or is the same kind of input for a part
 * of the engine that was not yet slow.
 */
export interface ShapeFile {
  path: string;
  content: string;
}

export interface PathologicalShape {
  name: string;
  /** Files of about `n` bytes in total, plus any small companion files the shape needs. */
  files(n: number): ShapeFile[];
}

const repeat = (unit: string, n: number) => unit.repeat(Math.max(1, Math.floor(n / unit.length)));
const stack = (body: string) => `import pulumi\nimport pulumi_aws as aws\n\n${body}`;
const FENCE = '```';
const tsStack = (body: string) => `import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\n${body}`;
const source = (path: string, content: string): ShapeFile[] => [{ path, content }];
/** A Python file beside a manifest, so the manifest readers run. */
const withManifest = (path: string, content: string): ShapeFile[] => [
  { path, content },
  { path: 'lib/tap_stack.py', content: 'import pulumi\nimport pulumi_aws as aws\n\naws.s3.Bucket("b")\n' },
];

export const PATHOLOGICAL_SHAPES: readonly PathologicalShape[] = [
  // Python files.
  { name: 'many assignments to one name (x=0 lines)', files: (n) => source('lib/a.py', repeat('x=0\n', n)) },
  { name: 'many distinct assignments', files: (n) => source('lib/a.py', Array.from({ length: Math.floor(n / 12) }, (_, i) => `v${i} = ${i}\n`).join('')) },
  { name: '# characters inside one string', files: (n) => source('lib/a.py', `s = "${repeat('#', n)}"\n`) },
  { name: '# characters inside one comment', files: (n) => source('lib/a.py', `x = 1  ${repeat('#', n)}\n`) },
  { name: 'TODO comment lines', files: (n) => source('lib/a.py', `def f():\n    pass\n${repeat('# TODO\n', n)}`) },
  { name: 'placeholder comment words', files: (n) => source('lib/a.py', `x = 1  # ${repeat('rest of the code ', n)}x\n`) },
  { name: 'bracketed placeholder comment', files: (n) => source('lib/a.py', `# [${repeat('rest ', n)}] x\n`) },
  { name: 'stub functions with comments', files: (n) => source('tests/test_a.py', repeat('def test_x():\n    pass  # TODO\n', n)) },
  { name: 'availability zones in one list', files: (n) => source('lib/a.py', stack(`azs = [\n${repeat('    "us-east-1a",\n', n)}]\nfor az in azs:\n    aws.ec2.Subnet("s", availability_zone=az, vpc_id="v", cidr_block="10.0.0.0/24")\n`)) },
  { name: 'regions in a resource call', files: (n) => source('lib/a.py', stack(`aws.ec2.Instance("i", tags={\n${repeat('    "r": "us-west-2",\n', n)}})\n`)) },
  { name: 'one list of 100,000+ names', files: (n) => source('lib/a.py', `a, *b = [${repeat('x,', n)}]\n`) },
  { name: 'flat tuple target', files: (n) => source('lib/a.py', `${repeat('a,', n)} = f()\n`) },
  { name: 'long binary expression', files: (n) => source('lib/a.py', `x = 1${repeat(' + 1', n)}\n`) },
  { name: 'long attribute chain', files: (n) => source('lib/a.py', `x = aws${repeat('.a', n)}\n`) },
  { name: 'deeply nested brackets', files: (n) => source('lib/a.py', `x = ${repeat('[', n / 2)}${repeat(']', n / 2)}\n`) },
  { name: 'many resources', files: (n) => source('lib/a.py', stack(repeat('aws.s3.Bucket("b", acl="public-read", opts=pulumi.ResourceOptions(depends_on=[]))\n', n))) },
  { name: 'many CIDR blocks', files: (n) => source('lib/a.py', stack(Array.from({ length: Math.floor(n / 60) }, (_, i) => `aws.ec2.Subnet("s${i}", vpc_id="v", cidr_block="10.${(i >> 8) & 255}.${i & 255}.0/24")\n`).join(''))) },
  { name: 'many security group rules', files: (n) => source('lib/a.py', stack(repeat('aws.ec2.SecurityGroupRule("r", type="ingress", from_port=22, to_port=22, protocol="tcp", cidr_blocks=["0.0.0.0/0"], security_group_id="s")\n', n))) },
  { name: 'many imports', files: (n) => source('lib/a.py', Array.from({ length: Math.floor(n / 14) }, (_, i) => `import mod${i}\n`).join('')) },
  { name: 'many suppression comments', files: (n) => source('lib/a.py', repeat('exec(x)  # iac-review: ignore[IAC307,IAC999] r\n', n)) },
  { name: 'one long line of spaces', files: (n) => source('lib/a.py', `x = 1${' '.repeat(n)}y\n`) },
  { name: 'line continuations', files: (n) => source('lib/a.py', `x = 1 \\\n${repeat('  + 1 \\\n', n)}\n`) },
  { name: 'many mutating calls', files: (n) => source('lib/a.py', `a = []\n${repeat('a.append(1)\n', n)}`) },
  { name: 'many uncalled creators', files: (n) => source('lib/a.py', Array.from({ length: Math.floor(n / 40) }, (_, i) => `def _create_r${i}():\n    return 1\n\n\n`).join('')) },
  { name: 'Terraform blocks pasted', files: (n) => source('lib/a.py', repeat('resource "aws_s3_bucket" "b" {\n', n)) },
  { name: 'CloudFormation lines pasted', files: (n) => source('lib/a.py', repeat('Type: AWS::S3::Bucket\nvpc: !Ref Vpc\n', n)) },
  { name: 'blank lines before an import', files: (n) => source('lib/a.py', `${' \n'.repeat(n / 2)}x\n`) },
  { name: 'comprehension with many clauses', files: (n) => source('lib/a.py', `x = [a ${repeat('for a in b ', n)}]\n`) },
  { name: 'zip of many lists', files: (n) => source('lib/a.py', `for a in zip(${repeat('[1],', n)}):\n    pass\n`) },
  { name: 'truncated nesting', files: (n) => source('lib/a.py', repeat('f(', n)) },
  // Markdown answers.
  { name: 'Markdown fences', files: (n) => source('answer.md', repeat('```\n', n)) },
  { name: 'Markdown Python fences left open', files: (n) => source('answer.md', repeat('```python\n', n)) },
  { name: 'Markdown small Python blocks', files: (n) => source('answer.md', repeat('```python\nexec(x)\n```\n', n)) },
  { name: 'Markdown with lone CRs', files: (n) => source('answer.md', repeat('```python\rexec(x)\r```\r', n)) },
  { name: 'Markdown nested list fences', files: (n) => source('answer.md', repeat('- ```python\n  x = 1\n', n)) },
  { name: 'Markdown label of backslashes', files: (n) => source('answer.md', `### ${repeat('a\\', n)}!\n\n${FENCE}python\nx = 1\n${FENCE}\n`) },
  { name: 'Markdown label of stars', files: (n) => source('answer.md', `**${repeat('*', n)}x\n${FENCE}python\nx = 1\n${FENCE}\n`) },
  { name: 'Markdown counter-example label before spaces', files: (n) => source('answer.md', `- wrong${' '.repeat(n)}x\n${FENCE}python\nx = 1\n${FENCE}\n`) },
  { name: 'Markdown long first comment', files: (n) => source('answer.md', `${FENCE}python\n# ${repeat('a.b(', n)}\nx = 1\n${FENCE}\n`) },
  { name: 'Markdown excerpt of dictionary entries', files: (n) => source('answer.md', `${FENCE}python\n${repeat('"a": 1,\n) + 1\n', n)}${FENCE}\n`) },
  { name: 'Markdown bodies that are comments', files: (n) => source('answer.md', `${FENCE}python\n${repeat('def f():\n    # body\n', n)}${FENCE}\n`) },
  { name: 'Markdown blank lines in a block', files: (n) => source('answer.md', `${FENCE}python\n${' \n'.repeat(n / 2)}x = 1\n${FENCE}\n`) },
  { name: 'Markdown YAML resources lines', files: (n) => source('answer.md', `${FENCE}yaml\n${repeat('resources:\n', n)}${FENCE}\n`) },
  { name: 'Markdown TypeScript blocks', files: (n) => source('answer.md', repeat('```typescript\nconst b = new aws.s3.Bucket("b");\n```\n', n)) },
  // More Python shapes.
  { name: 'many syntax errors', files: (n) => source('lib/a.py', repeat('x = )\n', n)) },
  { name: 'many indentation errors', files: (n) => source('lib/a.py', repeat('if x:\npass\n', n)) },
  // TypeScript files.
  { name: 'TypeScript: many statements', files: (n) => source('lib/a.ts', tsStack(repeat('const b = new aws.s3.Bucket("b", { acl: "private" });\n', n))) },
  { name: 'TypeScript: many assignments to one name', files: (n) => source('lib/a.ts', `let x = 0;\n${repeat('x = 0;\n', n)}`) },
  { name: 'TypeScript: long template literal', files: (n) => source('lib/a.ts', `const s = \`${repeat('a${x}', n)}\`;\n`) },
  { name: 'TypeScript: template literal of #', files: (n) => source('lib/a.ts', `const s = \`${repeat('#', n)}\`;\n`) },
  { name: 'TypeScript: zones in one array', files: (n) => source('lib/a.ts', tsStack(`const azs = [\n${repeat('  "us-east-1a",\n', n)}];\nazs.forEach((az) => new aws.ec2.Subnet("s", { availabilityZone: az, vpcId: "v", cidrBlock: "10.0.0.0/24" }));\n`)) },
  { name: 'TypeScript: one array pushed to', files: (n) => source('lib/a.ts', `const a: number[] = [];\n${repeat('a.push(1);\n', n)}`) },
  { name: 'TypeScript: many imports', files: (n) => source('lib/a.ts', Array.from({ length: Math.floor(n / 30) }, (_, i) => `import * as m${i} from "./m${i}";\n`).join('')) },
  { name: 'TypeScript: comment lines', files: (n) => source('lib/a.ts', repeat('// TODO: rest of the code here\n', n)) },
  { name: 'TypeScript: deeply nested calls', files: (n) => source('lib/a.ts', `const x = ${repeat('f(', n / 2)}${repeat(')', n / 2)};\n`) },
  { name: 'TypeScript: long package.json', files: (n) => [{ path: 'package.json', content: `{"dependencies": {${Array.from({ length: Math.floor(n / 24) }, (_, i) => `"p${i}": "^1.0.0"`).join(',')}}}` }, { path: 'lib/a.ts', content: tsStack('new aws.s3.Bucket("b");\n') }] },
  { name: 'TypeScript: package.json range of spaces', files: (n) => [{ path: 'package.json', content: `{"dependencies": {"@pulumi/pulumi": ">=3 ${' '.repeat(n)}<4"}}` }, { path: 'lib/a.ts', content: tsStack('new aws.s3.Bucket("b");\n') }] },
  // Manifests and stack files.
  { name: 'long setup.py line', files: (n) => withManifest('setup.py', `from setuptools import setup\nsetup(install_requires=["pulumi${' '.repeat(n)}x"])\n`) },
  { name: 'setup.py requirement of spaces', files: (n) => withManifest('setup.py', `setup(install_requires=["${' '.repeat(n)}"])\n`) },
  { name: 'setup.py many requirements', files: (n) => withManifest('setup.py', `setup(install_requires=[${repeat('"pulumi>=3",', n)}])\n`) },
  { name: 'long pyproject dependency', files: (n) => withManifest('pyproject.toml', `[project]\ndependencies = ["pulumi${' '.repeat(n)}"]\n`) },
  { name: 'pyproject quotes in a name', files: (n) => withManifest('pyproject.toml', `[project]\ndependencies = ["pulumi${repeat('"(', n)}"]\n`) },
  { name: 'pyproject poetry constraint', files: (n) => withManifest('pyproject.toml', `[tool.poetry.dependencies]\npulumi = "${repeat('>=1 ', n)}x"\n`) },
  { name: 'long requirements line', files: (n) => withManifest('requirements.txt', `pulumi${' '.repeat(n)}x\n`) },
  { name: 'requirements of # characters', files: (n) => withManifest('requirements.txt', `pulumi ${repeat('#', n)}\n`) },
  { name: 'many requirements', files: (n) => withManifest('requirements.txt', repeat('pulumi-aws>=6.0.0\n', n)) },
  { name: 'Pipfile constraint', files: (n) => withManifest('Pipfile', `[packages]\npulumi = "${repeat('>=1, ', n)}"\n`) },
  { name: 'long stack file', files: (n) => withManifest('Pulumi.prod.yaml', `config:\n  aws:region: us-east-1\n${repeat('  k: v # c\n', n)}`) },
];
