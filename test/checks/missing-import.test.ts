import { missingImport } from '../../checks/missing-import.js';
import { ruleTester } from '../support/rule-tester.js';

const requirements = 'pulumi>=3.0.0,<4.0.0\npulumi-aws>=6.0.0,<7.0.0\n';

// Every binding form Python has, all used: nothing is undefined.
const everyBindingForm = `"""Uses every binding form."""
from __future__ import annotations

import json
import os.path
from typing import Optional as Opt
from . import sibling

import pulumi
import pulumi_aws as aws

CONSTANT: int = 1
counter = 0
counter += 1
first, *rest = [1, 2, 3]
(left, [inner, deeper]) = (1, [2, 3])


def configure(name, /, region: str = CONSTANT, *args: str, flag=False, **kwargs) -> Opt[str]:
    """Parameters of every kind."""
    global late_global
    late_global = name
    total = lambda x, *ys, scale=1, **zs: (x + len(ys) + len(zs)) * scale
    squares = [n * n for n in args if (found := n)]
    table = {key: value for key, value in kwargs.items()}
    for index, (a, b) in enumerate(zip(args, args)):
        print(index, a, b, found)
    with open(os.path.join("a", "b")) as handle, open("c") as (other):
        print(handle, other)
    try:
        json.loads("{}")
    except (ValueError, KeyError) as error:
        print(error)

    def closure():
        nonlocal total
        return total, squares, table, region, flag, rest, first, left, inner, deeper

    del squares
    return closure


class Stack(pulumi.ComponentResource):
    """A component."""

    VERSION = "1"
    ITEMS = [VERSION for _ in range(2)]

    def __init__(self, name: str, opts: Opt[pulumi.ResourceOptions] = None, version=VERSION) -> None:
        super().__init__("x:y:Stack", name, None, opts)
        self.vpc = aws.ec2.Vpc(f"{name}-{version}", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))
        print(__class__, __name__, __file__, sibling, late_global, ExceptionGroup, NotImplemented)


def shape(command):
    """Match patterns bind their captures."""
    match command:
        case {"action": action, **others}:
            return action, others
        case [first_item, *remaining] if first_item:
            return remaining
        case str() as text:
            return text
        case _:
            return None


type Pair[T] = tuple[T, T]


def identity[T](value: T) -> T:
    """PEP 695 type parameters."""
    return value
`;

ruleTester(missingImport, {
  valid: [
    { name: 'every binding form', code: everyBindingForm },
    'import pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n',
    'from pulumi_aws import ec2\n\nvpc = ec2.Vpc("main")\n',
    'def build():\n    return helper()\n\n\ndef helper():\n    return 1\n',
    'import json\n\nclass Policy:\n    def render(self):\n        return json.dumps({})\n',
    { name: 'star import turns the check off', code: 'from pulumi_aws import *\n\nvpc = ec2.Vpc("main")\n' },
    { name: 'exec with globals() turns the check off', code: 'code = open("h.py").read()\nexec(code, globals())\nhandler({}, None)\n', path: 'tests/unit/test_handler.py' },
    { name: 'syntax errors are IAC102, not this rule', code: 'vpc = aws.ec2.Vpc("main"\nx = = 1\n' },
    'try:\n    import yaml\nexcept ImportError:\n    yaml = None\n',
    'import sys\n\nif sys.argv:\n    value = 1\nelse:\n    value = 2\nprint(value)\n',
    'class Outer:\n    class Inner:\n        pass\n    item = Inner()\n',
    'def f():\n    return __class__ if False else __file__\n',
    {
      name: 'markdown: blocks of one answer form one program',
      path: 'MODEL_RESPONSE.md',
      code: '# Answer\n\n```python\nimport pulumi\nimport pulumi_aws as aws\n```\n\nThen:\n\n```python\nvpc = aws.ec2.Vpc("main")\n```\n',
    },
    {
      name: 'markdown: excerpts explaining a fix show no imports, and leave them out on purpose',
      path: 'IDEAL_RESPONSE.md',
      code: '## Fixes\n\n**Implementation**:\n\n```python\ndef _create_key(self):\n    return aws.kms.Key("k", policy=json.dumps(doc))\n```\n\n```python\nregion = os.environ.get("AWS_REGION")\n```\n',
    },
    {
      name: "markdown: a name defined in the file's other excerpt",
      path: 'IDEAL_RESPONSE.md',
      code: '### lib/tap_stack.py\n\n```python\nimport pulumi\n\nclass TapStack(pulumi.ComponentResource):\n    pass\n```\n\nLater in lib/tap_stack.py:\n\n```python\nstack = TapStack("t")\nhelpers.tag(stack)\n```\n\n### lib/helpers.py\n\n```python\nimport json\n\ndef tag(x):\n    return json.dumps(x)\n```\n',
    },
    {
      name: 'markdown: a test file of the answer that imports nothing of its own is an excerpt',
      path: 'MODEL_RESPONSE.md',
      code: '```python\nimport pulumi\n```\n\n### tests/unit/test_stack.py\n\n```python\ndef test_tags():\n    assert json.loads(tags())\n```\n',
    },
    {
      name: 'markdown: fragments may use variables defined elsewhere',
      path: 'MODEL_RESPONSE.md',
      code: 'Add this to `__init__`:\n\n```python\nself.subnet = aws_subnet(vpc.id, cidr)\n```\n\n```python\nimport pulumi_aws as aws\n```\n',
    },
    // Dependencies.
    { name: 'listed in requirements.txt', code: 'import pulumi\nimport pulumi_aws as aws\n', project: { 'requirements.txt': requirements } },
    {
      name: 'no manifest at all: nothing to compare against',
      code: 'import pulumi_random as random\n\nrandom.RandomPassword("p", length=16)\n',
    },
    {
      name: 'pulumi comes with pulumi-aws; yaml comes with pulumi',
      code: 'import pulumi\nimport yaml\n',
      project: { 'requirements.txt': 'pulumi-aws>=6,<7\n' },
    },
    {
      name: 'listed in the Pipfile (normalised name)',
      code: 'import pulumi_random\n',
      project: { Pipfile: '[packages]\npulumi = "*"\n"Pulumi_Random" = ">=4"\n' },
    },
    {
      name: 'listed in pyproject.toml (Poetry)',
      code: 'import boto3\n',
      project: { 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\nboto3 = "^1.34"\n' },
    },
    {
      name: 'Lambda code gets boto3 from the runtime',
      path: 'lib/lambda/handler.py',
      code: 'import boto3\n\n\ndef handler(event, context):\n    return boto3.client("s3").list_buckets()\n',
      project: { 'requirements.txt': requirements },
    },
    {
      name: 'a local package is not third-party',
      code: 'from lib.tap_stack import TapStack\nimport requests\n',
      project: { 'requirements.txt': requirements, 'requests/__init__.py': '' },
    },
    {
      name: 'tests may rely on the CI installing pytest',
      path: 'tests/unit/test_stack.py',
      code: 'import pytest\n\n\ndef test_x():\n    with pytest.raises(ValueError):\n        int("x")\n',
      project: { 'requirements.txt': requirements },
    },
    {
      name: 'an editable install hides the real list',
      code: 'import pulumi_random\n',
      project: { 'requirements.txt': '-e .\npulumi>=3\n' },
    },
    {
      name: 'a -r include is followed',
      code: 'import boto3\n',
      project: { 'requirements.txt': '-r requirements-base.txt\npulumi>=3\n', 'requirements-base.txt': 'boto3>=1.34\n' },
    },
    {
      name: 'optional and type-checking imports are not required',
      code: 'from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from mypy_boto3_s3 import S3Client\n\ntry:\n    import yaml\nexcept ImportError:\n    yaml = None\n\nclient: "S3Client" = None\n',
      project: { 'requirements.txt': 'pulumi>=3\n' },
    },
    {
      name: 'CDK imports are IAC601, not a missing dependency',
      code: 'import aws_cdk as cdk\n\napp = cdk.App()\n',
      project: { 'requirements.txt': requirements },
    },
    // TypeScript
    { name: 'TypeScript: every module imported', path: 'lib/tap-stack.ts', code: "import * as pulumi from '@pulumi/pulumi';\nimport * as aws from '@pulumi/aws';\nimport * as fs from 'fs';\n\nnew aws.s3.Bucket('b', { policy: fs.readFileSync('p.json', 'utf8') });\nexport const name = pulumi.output('x');\n" },
    { name: 'TypeScript: names bound by require, a parameter and destructuring', path: 'lib/tap-stack.ts', code: "const aws = require('@pulumi/aws');\nfunction build(pulumi: any) { return pulumi.output(1); }\nconst { path } = options;\nconst p = path.join('a');\nnew aws.s3.Bucket('b');\n" },
    { name: 'TypeScript: named imports', path: 'lib/tap-stack.ts', code: "import { s3 } from '@pulumi/aws';\nimport pulumi from '@pulumi/pulumi';\nnew s3.Bucket('b');\nexport const x = pulumi.output(1);\n" },
    { name: 'TypeScript: a unit with a syntax error is left to IAC102', path: 'lib/tap-stack.ts', code: "new aws.s3.Bucket('b', {\n" },
    { name: 'TypeScript: a Markdown block using aws where another block imports it', path: 'lib/MODEL_RESPONSE.md', code: "## lib/tap-stack.ts\n\n```typescript\nimport * as aws from '@pulumi/aws';\n```\n\nThen:\n\n```typescript\nnew aws.s3.Bucket('b');\n```\n" },
    { name: 'TypeScript: an unnamed excerpt between prose, beside a block that imports', path: 'lib/IDEAL_RESPONSE.md', code: "```typescript\nimport * as pulumi from '@pulumi/pulumi';\n```\n\nThe API:\n\n```typescript\nconst api = new aws.apigateway.RestApi('api', {});\n```\n" },
    { name: 'TypeScript: a types package imported by the name it types', path: 'lib/lambda/index.ts', code: "import { Handler } from 'aws-lambda';\nexport const handler: Handler = async () => ({});\n", project: { 'lib/lambda/package.json': '{"dependencies": {"@types/aws-lambda": "^8"}}' } },
    { name: 'TypeScript: an excerpt without imports (a method quoted to explain a fix)', path: 'lib/MODEL_FAILURES.md', code: "```typescript\nconst bucket = new aws.s3.Bucket('b');\n```\n" },
    {
      name: 'TypeScript: every imported package listed in package.json (Node built-ins and relative paths need none)',
      path: 'lib/tap-stack.ts',
      code: "import * as aws from '@pulumi/aws';\nimport * as ec2 from '@pulumi/aws/ec2';\nimport * as fs from 'fs';\nimport * as path from 'node:path';\nimport { helper } from './helper';\nimport type { Context } from 'aws-lambda';\nimport { describe } from '@jest/globals';\n",
      project: { 'package.json': '{"dependencies": {"@pulumi/aws": "^6"}, "devDependencies": {"jest": "^29"}}' },
    },
    { name: 'TypeScript: no package.json, no dependency judgement', path: 'lib/tap-stack.ts', code: "import * as aws from '@pulumi/aws';\nimport { S3Client } from '@aws-sdk/client-s3';\n" },
  ],
  invalid: [
    {
      name: 'seed: Pulumi script missing the pulumi_aws import',
      code: 'import pulumi\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\npulumi.export("vpc_id", vpc.id)\n',
      errors: [{ line: 3, column: 7, endColumn: 10, message: /`aws` is used but never imported or defined in this module: add `import pulumi_aws as aws`/ }],
    },
    {
      code: 'import pulumi_aws as aws\n\npolicy = json.dumps({"Version": "2012-10-17"})\nrole = aws.iam.Role("r", assume_role_policy=json.dumps({}))\n',
      errors: [{ line: 3, column: 10, message: /`json` .* \(2 uses\): add `import json`/ }],
    },
    {
      name: 'class-body names are not visible in methods',
      code: 'class Stack:\n    CIDR = "10.0.0.0/16"\n\n    def build(self):\n        return CIDR\n',
      errors: [{ line: 5, column: 16, message: /`CIDR` is used but never/ }],
    },
    {
      name: 'a sibling method called without self',
      code: 'class Stack:\n    def __init__(self):\n        _create_vpc()\n\n    def _create_vpc(self):\n        return 1\n',
      errors: [{ line: 3, column: 9, message: /`_create_vpc`/ }],
    },
    {
      name: 'typing and pulumi names get a from-import hint',
      code: 'import pulumi\n\n\ndef make(opts: Optional[ResourceOptions] = None):\n    return opts\n',
      errors: [
        { line: 4, column: 16, message: /add `from typing import Optional`/ },
        { line: 4, column: 25, message: /add `from pulumi import ResourceOptions`/ },
      ],
    },
    {
      name: 'a comprehension variable does not leak',
      code: 'names = [subnet for subnet in range(3)]\nprint(subnet)\n',
      errors: [{ line: 2, column: 7, message: /`subnet`/ }],
    },
    {
      code: 'for i in xrange(3):\n    print(i)\n',
      errors: [{ line: 1, column: 10, message: /`xrange` is a Python 2 builtin/ }],
    },
    {
      name: 'a file cut off in the middle of a name',
      code: 'import pulumi\n\npulumi.export("vpc_id", "x")\npu',
      errors: [{ line: 4, column: 1, message: /`pu` is not defined and ends the file .* cut off in the middle of a name/ }],
    },
    {
      name: 'markdown: no block imports aws',
      path: 'MODEL_RESPONSE.md',
      code: '# Answer\n\n```python\nimport pulumi\n```\n\n```python\nvpc = aws.ec2.Vpc("main")\nbucket = aws.s3.Bucket("b")\n```\n',
      errors: [{ line: 8, column: 7, message: /no Python block of this document imports or defines it: add `import pulumi_aws as aws`/ }],
    },
    {
      name: 'markdown: a file the answer names shows its imports but misses one',
      path: 'MODEL_RESPONSE.md',
      code: '### lib/tap_stack.py\n\n```python\nimport pulumi\n\nbucket = aws.s3.Bucket("b")\n```\n',
      errors: [{ line: 6, column: 10, message: /add `import pulumi_aws as aws`/ }],
    },
    {
      name: 'dependency: pulumi_random not in requirements.txt',
      code: 'import pulumi\nimport pulumi_random as random\n\npassword = random.RandomPassword("db", length=24)\n',
      project: { 'requirements.txt': requirements },
      errors: [{ line: 2, column: 8, endColumn: 21, message: /`pulumi_random` is imported but requirements.txt does not list its distribution `pulumi-random`/ }],
    },
    {
      name: 'dependency: boto3 in an integration test, Pipfile without it',
      path: 'tests/integration/test_stack.py',
      code: '"""Integration test."""\nimport boto3\n\n\ndef test_bucket():\n    assert boto3.client("s3")\n',
      project: { Pipfile: '[packages]\npulumi = ">=3"\npulumi-aws = ">=6"\n\n[dev-packages]\npytest = "*"\n' },
      errors: [{ line: 2, column: 8, message: /`boto3` .* Pipfile does not list its distribution `boto3`/ }],
    },
    {
      name: 'dependency: yaml reported once with the other importers counted',
      code: 'from yaml import safe_load\n',
      files: [{ path: 'lib/config.py', content: 'import yaml\n' }],
      project: { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["boto3>=1.34"]\n' },
      errors: [{ line: 1, column: 8, path: 'lib/config.py', message: /`yaml` .* `PyYAML` \(also imported in 1 other file\)/ }],
    },
    {
      name: 'dependency: requirements of a folder above count, others do not',
      path: 'lib/functions/api.py',
      code: 'import requests\n',
      project: { 'requirements.txt': requirements, 'lib/functions/requirements.txt': 'urllib3\n', 'other/requirements.txt': 'requests\n' },
      errors: [{ line: 1, column: 8, message: /requirements.txt, lib\/functions\/requirements.txt do not list its distribution `requests`/ }],
    },
    {
      name: 'TypeScript: aws used without an import',
      path: 'lib/tap-stack.ts',
      code: "import * as pulumi from '@pulumi/pulumi';\n\nconst vpc = new aws.ec2.Vpc('main', { cidrBlock: '10.0.0.0/16' });\nconst subnet = new aws.ec2.Subnet('a', { vpcId: vpc.id });\n",
      errors: [{ line: 3, column: 17, message: /`aws` is used but never imported or defined in this module \(2 uses\): add `import \* as aws from '@pulumi\/aws';`/ }],
    },
    {
      name: 'TypeScript: Markdown answer whose blocks of one file import pulumi but use fs',
      path: 'lib/MODEL_RESPONSE.md',
      code: "**lib/tap-stack.ts**\n\n```typescript\nimport * as pulumi from '@pulumi/pulumi';\nconst cfg = new pulumi.Config();\n```\n\n**lib/tap-stack.ts**\n\n```typescript\nconst policy = fs.readFileSync('policy.json', 'utf8');\n```\n",
      errors: [{ line: 11, message: /`fs` is used but no TypeScript block of this document imports or defines it: add `import \* as fs from 'fs';`/ }],
    },
    {
      name: 'TypeScript: a package imported but not in package.json',
      path: 'test/tap-stack.int.test.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nimport * as aws from '@pulumi/aws';\n",
      project: { 'package.json': '{"dependencies": {"@pulumi/aws": "^6"}}' },
      errors: [{ line: 1, column: 1, message: /`@aws-sdk\/client-s3` is imported but package.json does not list it\./ }],
    },
  ],
});
