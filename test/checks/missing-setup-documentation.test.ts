import { missingSetupDocumentation } from '../../checks/missing-setup-documentation.js';
import { ruleTester } from '../support/rule-tester.js';

const stack = '"""Stack."""\nimport pulumi\nimport pulumi_aws as aws\n\nbucket = aws.s3.BucketV2("logs")\n';
const tsStack = "import * as pulumi from '@pulumi/pulumi';\nimport * as aws from '@pulumi/aws';\n\nexport const bucket = new aws.s3.BucketV2('logs');\n";
const fullReadme = '# Stack\n\n## Install\n\n```bash\npip install -r requirements.txt\n```\n\n## Deploy\n\n```bash\npulumi up\n```\n\n## Test\n\n```bash\npython -m pytest tests/unit\n```\n';

ruleTester(missingSetupDocumentation, {
  valid: [
    { name: 'root README with all three steps', code: stack, project: { 'README.md': fullReadme } },
    {
      name: 'pipenv, a deploy script and a test script',
      code: stack,
      project: { 'README.md': 'Run `pipenv install --dev`, then `pipenv run deploy`; `pipenv run test-unit` runs the tests.\n' },
    },
    {
      name: 'steps split between README.md and lib/README.md',
      code: stack,
      project: { 'README.md': 'Install with `poetry install`.\n', 'lib/README.md': 'Deploy with `pulumi up --stack dev`; test with `tox`.\n' },
    },
    { name: 'a README added in the same change counts', code: stack, files: [{ path: 'README.md', content: fullReadme, status: 'added' }] },
    { name: 'scan mode never reports', code: stack, mode: 'scan' },
    { name: 'a changed test file is not a stack', code: 'def test_x():\n    assert 1\n', path: 'tests/unit/test_tap_stack.py' },
    { name: 'a Lambda handler that creates no resources', code: 'import boto3\n\n\ndef handler(event, context):\n    return boto3.client("s3")\n', path: 'lib/functions/handler.py' },
    { name: 'an unchanged stack', code: stack, status: 'unchanged' },
    {
      name: 'TypeScript: npm ci, pulumi up and npm test',
      code: tsStack,
      path: 'lib/tap-stack.ts',
      project: { 'README.md': '## Setup\n\n```bash\nnpm ci\npulumi up\nnpm run test:unit\n```\n' },
    },
    { name: 'TypeScript: a Jest test file is not a stack', code: "describe('x', () => { it('y', () => expect(1).toBe(1)); });\n", path: 'test/tap-stack.unit.test.ts' },
    { name: 'TypeScript: a Lambda handler under lib/ creates no resources', code: 'export const handler = async () => ({ statusCode: 200 });\n', path: 'lib/lambda/index.ts' },
    { name: 'a Markdown answer is not a stack file', code: '```python\nimport pulumi_aws as aws\naws.s3.BucketV2("b")\n```\n', path: 'lib/MODEL_RESPONSE.md' },
    { name: 'a README that exists but is not available to the review', code: stack, project: { 'README.md': undefined as unknown as string } },
  ],
  invalid: [
    {
      name: 'new stack, no README at all',
      code: stack,
      status: 'added',
      errors: [{ line: 1, column: 1, path: 'lib/tap_stack.py', message: /adds or changes the stack `lib\/tap_stack.py`, but the project has no README/ }],
    },
    {
      name: 'README describes the architecture only',
      code: stack,
      project: { 'README.md': '# Architecture\n\nA VPC with two subnets and a bucket.\n' },
      errors: [{ line: 1, message: /README.md does not say how to install, deploy and test the stack `lib\/tap_stack.py`: no `pip install -r requirements.txt` or `pipenv install`, no `pulumi up`, no `pytest`/ }],
    },
    {
      name: 'README without test instructions',
      code: stack,
      project: { 'README.md': 'pip install -r requirements.txt\npulumi up\n' },
      errors: [{ line: 1, message: /does not say how to test the stack .*: no `pytest`\.$/ }],
    },
    {
      name: '"pulumi deploy" is not a command',
      code: stack,
      project: { 'README.md': 'pip install -r requirements.txt\nRun pulumi deploy to deploy. Tests: pytest.\n' },
      errors: [{ line: 1, message: /how to deploy the stack/ }],
    },
    {
      name: 'tap.py counts as a stack',
      path: 'tap.py',
      code: '"""Entry point."""\nfrom lib.tap_stack import TapStack\n\nTapStack("tap")\n',
      project: { 'lib/README.md': 'Deploy: `pulumi up`. Test: `pytest`.\n' },
      errors: [{ line: 1, path: 'tap.py', message: /lib\/README.md does not say how to install the stack `tap.py`/ }],
    },
    {
      name: 'any file creating resources, reported once for several stacks',
      path: 'infra/network.py',
      code: 'import pulumi_aws as aws\n\naws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n',
      files: [{ path: 'lib/tap_stack.py', content: stack, status: 'modified' }],
      errors: [{ line: 1, path: 'infra/network.py', message: /`infra\/network.py` \(and 1 other stack file\), but the project has no README/ }],
    },
    {
      name: 'TypeScript: README without install and test steps suggests npm commands',
      code: tsStack,
      path: 'lib/tap-stack.ts',
      project: { 'README.md': 'Deploy with `pulumi up`.\n' },
      errors: [{ line: 1, path: 'lib/tap-stack.ts', message: /does not say how to install and test the stack `lib\/tap-stack.ts`: no `npm ci` or `npm install`, no `npm test`\.$/ }],
    },
    {
      name: 'TypeScript: bin/tap.ts counts as a stack',
      path: 'bin/tap.ts',
      code: "import { TapStack } from '../lib/tap-stack';\n\nnew TapStack('tap', {});\n",
      errors: [{ line: 1, path: 'bin/tap.ts', message: /the stack `bin\/tap.ts`, but the project has no README/ }],
    },
    {
      name: 'TypeScript: any file creating resources',
      path: 'infra/network.ts',
      code: "import * as aws from '@pulumi/aws';\n\nnew aws.ec2.Vpc('main', { cidrBlock: '10.0.0.0/16' });\n",
      errors: [{ line: 1, path: 'infra/network.ts', message: /the stack `infra\/network.ts`, but the project has no README/ }],
    },
    {
      name: 'an empty README',
      code: stack,
      project: { 'README.md': '' },
      errors: [{ line: 1, message: /README.md does not say how to install, deploy and test/ }],
    },
  ],
});
