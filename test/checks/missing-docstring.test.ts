import { missingDocstring } from '../../checks/missing-docstring.js';
import { ruleTester } from '../support/rule-tester.js';

const documented = `"""Networking for the TAP service."""
import pulumi
import pulumi_aws as aws


class TapStack(pulumi.ComponentResource):
    """VPC and subnets of one environment."""

    def __init__(self, name, opts=None):
        super().__init__("tap:stack:TapStack", name, None, opts)

    def _create_vpc(self):
        return aws.ec2.Vpc(f"{self.name}-vpc", cidr_block="10.0.0.0/16")

    @property
    def vpc_id(self):
        """The VPC's ID."""
        return self.vpc.id

    @vpc_id.setter
    def vpc_id(self, value):
        self._vpc_id = value


def create_bucket(name):
    """A private bucket for logs."""

    def tags(extra):
        return {"Name": name, **extra}

    return aws.s3.Bucket(name, tags=tags({}))
`;

ruleTester(missingDocstring, {
  valid: [
    documented,
    { name: 'test files are not checked', code: 'import pulumi\n\nclass TestStack:\n    def test_vpc(self):\n        assert True\n', path: 'tests/unit/test_tap_stack.py' },
    { name: 'code that does not import Pulumi (a Lambda handler)', code: 'import json\n\ndef handler(event, context):\n    return {"statusCode": 200, "body": json.dumps(event)}\n', path: 'lib/lambda/handler.py' },
    { name: 'Markdown blocks are fragments', code: '# Answer\n\n```python\nimport pulumi\n\ndef create_vpc():\n    pass\n```\n', path: 'answer.md' },
    { name: '__init__.py needs no module docstring', code: 'from lib.tap_stack import TapStack\nimport pulumi\n', path: 'lib/__init__.py' },
    '"""Module."""\nimport pulumi\nfrom typing import overload\n\nclass _Internal:\n    def build(self):\n        pass\n\ndef _helper():\n    pass\n\n@overload\ndef f(x: int) -> int: ...\n@overload\ndef f(x: str) -> str: ...\ndef f(x):\n    """Identity."""\n    return x\n',
    { name: 'docstring after comments and a comment-only prelude', code: '# Copyright\n# SPDX-License-Identifier: MIT\n"""Stack."""\nimport pulumi\n' },
    { name: 'stub files', code: 'import pulumi\nclass TapStack(pulumi.ComponentResource): ...\n', path: 'lib/tap_stack.pyi' },
  ],
  invalid: [
    {
      name: 'seed-style stack without any docstring',
      code: 'import pulumi\nimport pulumi_aws as aws\n\nclass TapStack(pulumi.ComponentResource):\n    def __init__(self, name, args, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n',
      errors: [
        { line: 1, column: 1, endColumn: 14, message: /Module `tap_stack\.py` has no docstring/ },
        { line: 4, column: 7, endColumn: 15, message: /Public class `TapStack` has no docstring/ },
      ],
    },
    {
      code: '"""Stack."""\nimport pulumi_aws as aws\n\ndef create_vpc(name):\n    return aws.ec2.Vpc(name, cidr_block="10.0.0.0/16")\n',
      errors: [{ line: 4, column: 5, severity: 'notice', message: /Public function `create_vpc` has no docstring/ }],
    },
    {
      name: 'public method of a documented class',
      code: '"""Stack."""\nimport pulumi\n\nclass TapStack(pulumi.ComponentResource):\n    """Stack."""\n\n    def create_subnets(self):\n        # builds subnets\n        pass\n',
      errors: [{ line: 7, message: /Public method `TapStack\.create_subnets`/ }],
    },
    {
      name: 'decorated function and Args class',
      code: '"""Stack."""\nimport functools\nfrom dataclasses import dataclass\nfrom pulumi_aws import s3\n\n@dataclass\nclass TapStackArgs:\n    environment_suffix: str = "dev"\n\n@functools.cache\ndef bucket(name):\n    return s3.Bucket(name)\n',
      errors: [
        { line: 7, message: /class `TapStackArgs`/ },
        { line: 11, message: /function `bucket`/ },
      ],
    },
    {
      name: 'an f-string is not a docstring',
      code: 'import pulumi\n\ndef export(name):\n    f"exports {name}"\n    pulumi.export(name, 1)\n',
      path: 'lib/exports.py',
      errors: [
        { line: 1, message: /Module `exports\.py`/ },
        { line: 3, message: /function `export`/ },
      ],
    },
    {
      name: 'entry point __main__.py',
      code: 'import pulumi\nfrom lib.tap_stack import TapStack\n\nstack = TapStack("tap")\n',
      path: '__main__.py',
      errors: [{ line: 1, message: /Module `__main__\.py`/ }],
    },
    {
      name: 'docstring placed after the first statement does not count',
      code: 'import pulumi\n"""Too late."""\n',
      path: 'tap.py',
      errors: [{ line: 1, message: /Module `tap\.py`/ }],
    },
  ],
});
