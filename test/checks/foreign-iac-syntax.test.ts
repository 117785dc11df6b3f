import { foreignIacSyntax } from '../../checks/foreign-iac-syntax.js';
import { ruleTester } from '../support/rule-tester.js';

const PULUMI_YAML = { 'Pulumi.yaml': 'name: tap\nruntime: python\n' };

ruleTester(foreignIacSyntax, {
  valid: [
    {
      name: 'HCL inside a triple-quoted string (a generated .tf file)',
      code: 'import pulumi\n\nTF = """\nresource "aws_s3_bucket" "logs" {\n  bucket = "${var.prefix}-logs"\n}\n"""\n',
    },
    'import pulumi\n# resource "aws_s3_bucket" "logs" {\n# terraform {\nx = 1\n',
    {
      name: 'shell variables in user data',
      code: 'import pulumi_aws as aws\n\nuser_data = """#!/bin/bash\necho ${HOSTNAME} ${AWS_REGION}\nexport X=${X:-1}\n"""\naws.ec2.Instance("web", ami="ami-1", instance_type="t3.micro", user_data=user_data)\n',
    },
    {
      name: 'IAM policy variables and API Gateway stage variables',
      code: 'import json\nimport pulumi_aws as aws\n\npolicy = json.dumps({"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]})\nuri = "arn:aws:apigateway:us-east-1:lambda:path/${stageVariables.alias}"\n',
    },
    {
      name: 'CloudFormation template handed to aws.cloudformation.Stack',
      code: 'import json\nimport pulumi_aws as aws\n\ntemplate = {"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}, "Outputs": {"Arn": {"Value": {"Fn::GetAtt": ["Q", "Arn"]}}, "Region": {"Value": {"Ref": "AWS::Region"}}}}\naws.cloudformation.Stack("q", template_body=json.dumps(template))\n',
    },
    {
      name: 'Pulumi CDK interop (pulumi_cdk) uses aws_cdk legitimately',
      code: 'import pulumi\nimport pulumi_cdk as pulumi_cdk\nfrom aws_cdk import aws_s3 as s3\n\nclass AppStack(pulumi_cdk.Stack):\n    def __init__(self, name):\n        super().__init__(name)\n        s3.Bucket(self, "bucket")\n',
    },
    {
      name: 'a CDK project without Pulumi',
      code: 'from aws_cdk import Stack\nfrom constructs import Construct\n\nclass AppStack(Stack):\n    def __init__(self, scope: Construct, construct_id: str) -> None:\n        super().__init__(scope, construct_id)\n',
      project: { 'cdk.json': '{"app": "python3 app.py"}' },
    },
    {
      name: 'docstring describing the Terraform original',
      code: '"""Port of the Terraform module; ${var.region} becomes pulumi.Config().require("region")."""\nimport pulumi\n',
    },
    'import pulumi\n\nif a != b and f"{name!r}" != "x":\n    pass\n',
    {
      name: 'CloudFormation resource type names are used by Pulumi too',
      code: 'import pulumi_aws as aws\n\naws.cloudcontrol.Resource("vpc", type_name="AWS::EC2::VPC", desired_state="{}")\nquery = {"ResourceTypeFilters": ["AWS::AllSupported"]}\n',
    },
    {
      name: 'markdown: HCL in an hcl fence, CDK in a doc block that is not a Pulumi program',
      code: '# Migration\n\n```hcl\nresource "aws_s3_bucket" "logs" {\n}\n```\n\n```python\nfrom aws_cdk import Stack\n```\n',
      path: 'docs/migration.md',
      project: PULUMI_YAML,
    },
    {
      name: 'f-string with a literal dollar before a Python interpolation',
      code: 'import pulumi\n\nvar = pulumi.Config()\nprice = f"${var.name}"\n',
    },
    'import pulumi\n\nresource = {"name": "logs"}\nvariable = resource["name"]\nprovider = None\n',
    // TypeScript
    {
      name: 'TypeScript: HCL in a template literal that writes a .tf file',
      path: 'lib/tap-stack.ts',
      code: "import * as pulumi from '@pulumi/pulumi';\n\nexport const tf = `\nresource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"${var.prefix}-logs\"\n}\n`;\n",
    },
    {
      name: 'TypeScript: a JavaScript interpolation of a variable named data',
      path: 'lib/tap-stack.ts',
      code: "import * as aws from '@pulumi/aws';\n\nconst data = { id: 'x' };\nexport const name = `${data.id}-logs`;\n// resource \"aws_s3_bucket\" \"old\" {\n",
    },
    {
      name: 'TypeScript: a CloudFormation template given to aws.cloudformation.Stack',
      path: 'lib/tap-stack.ts',
      code: "import * as aws from '@pulumi/aws';\n\nconst template = { Resources: { Q: { Type: 'AWS::SQS::Queue' } }, Outputs: { Arn: { Value: { 'Fn::GetAtt': ['Q', 'Arn'] } } } };\nnew aws.cloudformation.Stack('q', { templateBody: JSON.stringify(template) });\n",
    },
    {
      name: 'TypeScript: a CDK app that is not a Pulumi program',
      path: 'bin/app.ts',
      code: "import * as cdk from 'aws-cdk-lib';\nimport { Construct } from 'constructs';\n\nconst app = new cdk.App();\n",
      project: { 'cdk.json': '{"app": "npx ts-node bin/app.ts"}' },
    },
    {
      name: 'TypeScript: Pulumi CDK interop',
      path: 'lib/tap-stack.ts',
      code: "import * as pulumicdk from '@pulumi/cdk';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\n\nclass AppStack extends pulumicdk.Stack {}\n",
    },
  ],
  invalid: [
    {
      name: 'Terraform resource block pasted into the stack',
      code: 'import pulumi\n\nresource "aws_s3_bucket" "logs" {\n  bucket = "${var.prefix}-logs"\n  acl    = "private"\n}\n',
      errors: [{ line: 3, column: 1, endColumn: 34, message: /Terraform HCL `resource "aws_s3_bucket" "logs" \{`.*aws\.s3\.Bucket/ }],
    },
    {
      code: 'import pulumi\n\nvariable "region" {\n  default = "us-east-1"\n}\n\nprovider "aws" {\n  region = var.region\n}\n',
      errors: [
        { line: 3, message: /`variable "region" \{`.*pulumi\.Config/ },
        { line: 7, message: /`provider "aws" \{`.*aws\.Provider/ },
      ],
    },
    {
      code: 'import pulumi_aws as aws\n\nterraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n',
      errors: [{ line: 3, column: 1, message: /`terraform \{`/ }],
    },
    {
      name: 'HCL interpolation in a Python string',
      code: 'import pulumi_aws as aws\n\nbucket = aws.s3.Bucket("logs", bucket="${var.prefix}-logs")\n',
      errors: [{ line: 3, column: 40, endColumn: 53, message: /Terraform interpolation `\$\{var\.prefix\}`/ }],
    },
    {
      name: 'HCL resource reference in a string',
      code: 'import pulumi_aws as aws\n\naws.ec2.Subnet("a", vpc_id="${aws_vpc.main.id}", cidr_block="10.0.1.0/24")\n',
      errors: [{ line: 3, message: /`\$\{aws_vpc\.main\.id\}`/ }],
    },
    {
      name: 'CDK imports next to Pulumi',
      code: 'import pulumi\nfrom aws_cdk import Stack, aws_s3 as s3\nfrom constructs import Construct\n\nclass TapStack(Stack):\n    def __init__(self, scope: Construct, id: str):\n        super().__init__(scope, id)\n        s3.Bucket(self, "Logs")\n',
      errors: [
        { line: 2, column: 1, message: /`from aws_cdk import Stack, aws_s3 as s3` imports the AWS CDK into a Pulumi program/ },
        { line: 3, message: /CDK `constructs` library/ },
      ],
    },
    {
      name: 'a CDK stack in a Pulumi project',
      code: 'import aws_cdk as cdk\n\napp = cdk.App()\napp.synth()\n',
      project: PULUMI_YAML,
      errors: [{ line: 1, message: /`import aws_cdk as cdk`/ }],
    },
    {
      name: 'CloudFormation short-form intrinsic as code',
      code: 'import pulumi_aws as aws\n\ndef subnet():\n    vpc_id: !Ref MyVpc\n',
      errors: [{ line: 4, column: 13, endColumn: 17, message: /CloudFormation intrinsic `!Ref`/ }],
    },
    {
      name: 'Fn::GetAtt in a Pulumi argument',
      code: 'import pulumi_aws as aws\n\naws.lambda_.Permission("p", action="lambda:InvokeFunction", function={"Fn::GetAtt": ["Fn", "Arn"]}, principal="s3.amazonaws.com")\n',
      errors: [{ line: 3, message: /`Fn::GetAtt`/ }],
    },
    {
      name: 'Ref to a pseudo parameter and ${AWS::AccountId}',
      code: 'import pulumi_aws as aws\n\nregion = {"Ref": "AWS::Region"}\narn = "arn:aws:logs:us-east-1:${AWS::AccountId}:log-group:app"\n',
      errors: [
        { line: 3, message: /\{"Ref": "AWS::Region"\}.*aws\.get_region/ },
        { line: 4, message: /`\$\{AWS::AccountId\}`/ },
      ],
    },
    {
      name: 'CloudFormation YAML resource pasted into Python',
      code: 'import pulumi\n\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n',
      errors: [{ line: 5, column: 5, message: /CloudFormation YAML `Type: AWS::S3::Bucket`/ }],
    },
    {
      name: 'markdown answer whose python block holds HCL',
      code: '# Answer\n\n```python\nimport pulumi\n\noutput "bucket" {\n  value = aws_s3_bucket.logs.id\n}\n```\n',
      path: 'answer.md',
      errors: [{ line: 6, column: 1, path: 'answer.md', message: /`output "bucket" \{`.*pulumi\.export/ }],
    },
    {
      name: 'string-valued !GetAtt',
      code: 'import pulumi_aws as aws\n\naws.iam.RolePolicyAttachment("a", role="!GetAtt Role.Arn", policy_arn="arn:aws:iam::aws:policy/ReadOnlyAccess")\n',
      errors: [{ line: 3, message: /`!GetAtt Role\.Arn`/ }],
    },
      {
      name: 'TypeScript: Terraform resource block pasted into the stack',
      path: 'lib/tap-stack.ts',
      code: "import * as aws from '@pulumi/aws';\n\nresource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"${var.prefix}-logs\"\n}\n",
      errors: [{ line: 3, column: 1, message: /Terraform HCL `resource "aws_s3_bucket" "logs" \{` in a TypeScript file.*does not compile.*new aws\.s3\.Bucket/ }],
    },
    {
      name: 'TypeScript: Terraform interpolations in a string and in a one-line template',
      path: 'lib/tap-stack.ts',
      code: "import * as aws from '@pulumi/aws';\n\nnew aws.s3.Bucket('logs', { bucket: '${var.prefix}-logs' });\nnew aws.ec2.Subnet('a', { vpcId: `${var.vpc_id}`, cidrBlock: '10.0.1.0/24' });\n",
      errors: [
        { line: 3, column: 38, message: /Terraform interpolation `\$\{var\.prefix\}` is literal text in TypeScript.*pulumi\.interpolate/ },
        { line: 4, message: /`\$\{var\.vpc_id\}`/ },
      ],
    },
    {
      name: 'TypeScript: CDK imports in a Pulumi program',
      path: 'lib/tap-stack.ts',
      code: "import * as pulumi from '@pulumi/pulumi';\nimport * as cdk from 'aws-cdk-lib';\nimport { Bucket } from 'aws-cdk-lib/aws-s3';\nimport { Construct } from 'constructs';\n\nexport class TapStack extends cdk.Stack {}\n",
      errors: [
        { line: 2, column: 1, message: /`import \* as cdk from 'aws-cdk-lib';` imports the AWS CDK into a Pulumi program.*@pulumi\/aws/ },
        { line: 3, message: /the AWS CDK/ },
        { line: 4, message: /CDK `constructs` library/ },
      ],
    },
    {
      name: 'TypeScript: CloudFormation intrinsics and pseudo parameters in strings',
      path: 'lib/tap-stack.ts',
      code: "import * as aws from '@pulumi/aws';\n\nconst region = { Ref: 'AWS::Region' };\nconst arn = 'arn:aws:logs:us-east-1:${AWS::AccountId}:log-group:app';\nconst fn = { 'Fn::GetAtt': ['Fn', 'Arn'] };\n",
      errors: [
        { line: 3, message: /\{"Ref": "AWS::Region"\}.*aws\.getRegion/ },
        { line: 4, message: /`\$\{AWS::AccountId\}`.*pulumi\.interpolate/ },
        { line: 5, message: /`Fn::GetAtt`/ },
      ],
    },
    {
      name: 'TypeScript: a Markdown answer whose typescript block holds CloudFormation YAML',
      path: 'lib/MODEL_RESPONSE.md',
      code: "# Answer\n\n```typescript\nimport * as aws from '@pulumi/aws';\n\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n```\n",
      errors: [{ line: 8, column: 5, message: /CloudFormation YAML `Type: AWS::S3::Bucket` in a TypeScript file/ }],
    },
  ],
});
