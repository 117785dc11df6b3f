import { wrongLanguageForTask } from '../../checks/wrong-language-for-task.js';
import { ruleTester } from '../support/rule-tester.js';

const pythonTask = { 'metadata.json': '{"platform": "pulumi", "language": "py"}' };
const typescriptTask = { 'metadata.json': '{"platform": "pulumi", "language": "ts"}' };
const answer = (blocks: string) => `# Answer\n\n${blocks}`;
const pythonProgram = '```python\nimport pulumi\nimport pulumi_aws as aws\n\nbucket = aws.s3.Bucket("logs")\n```\n';
const typescriptProgram = '```typescript\nimport * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\nconst bucket = new aws.s3.Bucket("logs");\n```\n';
const path = 'lib/MODEL_RESPONSE.md';

ruleTester(wrongLanguageForTask, {
  valid: [
    { name: 'a Python program in a Python task', path, code: answer(pythonProgram), project: pythonTask },
    { name: 'shell commands, stack configuration and CI YAML belong beside the program', path, code: answer(`${pythonProgram}\n\`\`\`bash\npulumi up --yes\n\`\`\`\n\n\`\`\`yaml\nconfig:\n  aws:region: us-east-1\n\`\`\`\n\n\`\`\`yaml\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n\`\`\`\n`), project: pythonTask },
    { name: 'a Lambda handler in JavaScript is application code, not a Pulumi program', path, code: answer(`${pythonProgram}\n\`\`\`javascript\nexports.handler = async (event) => ({ statusCode: 200 });\n\`\`\`\n`), project: pythonTask },
    { name: 'an IAM policy in JSON', path, code: answer(`${pythonProgram}\n\`\`\`json\n{"Version": "2012-10-17", "Statement": []}\n\`\`\`\n`), project: pythonTask },
    { name: 'TypeScript blocks in a TypeScript task', path, code: answer(typescriptProgram), project: typescriptTask },
    { name: 'the task language from Pulumi.yaml', path, code: answer(typescriptProgram), project: { 'Pulumi.yaml': 'name: tap\nruntime:\n  name: nodejs\n' } },
    { name: 'a CloudFormation template the program deploys through Pulumi', path, code: answer(`\`\`\`python\nimport pulumi_aws as aws\n\nstack = aws.cloudformation.Stack("legacy", template_body=open("template.yaml").read())\n\`\`\`\n\n\`\`\`yaml\nAWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n\`\`\`\n`), project: pythonTask },
    { name: 'without any task language, the answer\'s own majority decides', path, code: answer(`${pythonProgram}\n${pythonProgram}`) },
    { name: 'a HCL block that is not Terraform configuration', path, code: answer('```hcl\nname = "value"\n```\n'), project: pythonTask },
  ],
  invalid: [
    {
      name: 'a TypeScript Pulumi program in a Python task',
      path,
      code: answer(`${pythonProgram}\n${typescriptProgram}`),
      project: pythonTask,
      errors: [{ line: 10, column: 1, message: 'This `typescript` block is a TypeScript/JavaScript Pulumi program, but the task asks for Pulumi in Python (metadata.json (language "py")): write it with the Pulumi Python SDK (`import pulumi_aws as aws`).' }],
    },
    {
      name: 'a Python Pulumi program in a TypeScript task',
      path,
      code: answer(pythonProgram),
      project: typescriptTask,
      errors: [{ line: 3, message: /is a Python Pulumi program, but the task asks for Pulumi in TypeScript\/JavaScript/ }],
    },
    {
      name: 'a Terraform configuration in a Pulumi answer',
      path,
      code: answer('```hcl\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n```\n'),
      project: pythonTask,
      errors: [{ line: 3, message: /is a Terraform configuration, but the task asks for Pulumi in Python/ }],
    },
    {
      name: 'a CloudFormation template in YAML',
      path,
      code: answer('```yaml\nAWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n```\n'),
      project: pythonTask,
      errors: [{ line: 3, message: /is a CloudFormation template/ }],
    },
    {
      name: 'a CloudFormation template in JSON',
      path,
      code: answer('```json\n{"Resources": {"Logs": {"Type": "AWS::S3::Bucket"}}}\n```\n'),
      project: typescriptTask,
      errors: [{ line: 3, message: /is a CloudFormation template, but the task asks for Pulumi in TypeScript/ }],
    },
    {
      name: 'a Pulumi YAML program in a Python task',
      path,
      code: answer('```yaml\nname: tap\nruntime: yaml\nresources:\n  logs:\n    type: aws:s3:Bucket\n```\n'),
      project: pythonTask,
      errors: [{ line: 3, message: /is a Pulumi YAML program/ }],
    },
    {
      name: 'a Go Pulumi program, the task language read from the project code',
      path,
      code: answer('```go\nimport (\n\t"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/s3"\n)\n```\n'),
      files: [{ path: 'lib/tap_stack.py', content: 'import pulumi\n' }],
      errors: [{ line: 3, message: /is a Go Pulumi program, but the task asks for Pulumi in Python \(most of the project's code files\)/ }],
    },
    {
      name: 'the nearest metadata.json decides for each task under one root',
      path: 'tasks/b/lib/MODEL_RESPONSE.md',
      code: answer(typescriptProgram),
      project: { 'tasks/a/metadata.json': '{"language": "ts"}', 'tasks/b/metadata.json': '{"language": "py"}' },
      errors: [{ line: 3, message: /tasks\/b\/metadata.json \(language "py"\)/ }],
    },
  ],
});
