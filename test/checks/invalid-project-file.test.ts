import { invalidProjectFile } from '../../checks/invalid-project-file.js';
import { ruleTester } from '../support/rule-tester.js';

const answer = (yaml: string, heading = '## Pulumi.yaml') => `# Answer\n\n${heading}\n\n\`\`\`yaml\n${yaml}\n\`\`\`\n\n## lib/tap-stack.ts\n\n\`\`\`typescript\nimport * as aws from "@pulumi/aws";\n\`\`\`\n`;

ruleTester(invalidProjectFile, {
  valid: [
    { name: 'provider keys with a value, project keys with a type and default', path: 'Pulumi.yaml', code: 'name: tap\nruntime: nodejs\nconfig:\n  aws:region:\n    value: us-east-1\n  tap:owner: platform\n  environmentSuffix:\n    type: string\n    default: dev\n' },
    { name: 'a provider key in the short form', path: 'Pulumi.yaml', code: 'name: tap\nruntime:\n  name: python\nconfig:\n  aws:region: us-east-1\n' },
    { name: 'the project\'s own namespace may declare defaults', path: 'Pulumi.yaml', code: 'name: tap\nruntime: python\nconfig:\n  tap:environment:\n    default: dev\n' },
    { name: 'an answer showing only the config part of its Pulumi.yaml', path: 'lib/MODEL_RESPONSE.md', code: answer('config:\n  environmentSuffix:\n    default: dev') },
    { name: 'other YAML in an answer: a stack file, a workflow', path: 'lib/MODEL_RESPONSE.md', code: answer('config:\n  aws:region: us-east-1\n  tap:env: dev', '## Pulumi.dev.yaml') },
    { name: 'TypeScript project: a valid project file beside the stack', path: 'lib/tap-stack.ts', code: 'import * as aws from "@pulumi/aws";\n', files: [{ path: 'Pulumi.yaml', content: 'name: tap\nruntime: nodejs\nmain: bin/tap.ts\n' }] },
    { name: 'a project file outside the reviewed files is not judged (manifests are judged where a change touches them)', code: 'import pulumi\n', project: { 'Pulumi.yaml': 'name: tap\nruntime: python\nconfig:\n  aws:region:\n    default: us-west-2\n' } },
    { name: 'not YAML Pulumi could read', path: 'Pulumi.yaml', code: 'name: tap\nruntime: [unclosed\n' },
  ],
  invalid: [
    {
      name: 'seed: aws:region with a default',
      path: 'Pulumi.yaml',
      code: 'name: tap\nruntime: nodejs\nconfig:\n  aws:region:\n    description: AWS region\n    default: us-east-1\n',
      errors: [{ line: 4, column: 3, endColumn: 13, message: /^Configuration key `aws:region` belongs to `aws`, not to the project, so it cannot declare a `default`: Pulumi stops with "should not define a default value"\./ }],
    },
    {
      name: 'a provider key with a type, one without a value, a key with both default and value',
      path: 'Pulumi.yaml',
      code: 'name: tap\nruntime: python\nconfig:\n  aws:region:\n    type: string\n    value: us-east-1\n  aws:profile:\n    description: profile\n  size:\n    default: small\n    value: large\n',
      errors: [
        { line: 4, message: /cannot declare a `type`/ },
        { line: 7, message: /gives no `value`/ },
        { line: 9, message: /^Configuration key `size` has both `default` and `value`/ },
      ],
    },
    { name: 'a project file without a runtime', path: 'Pulumi.yaml', code: 'name: tap\ndescription: x\n', errors: [{ line: 1, message: /has no `runtime`/ }] },
    {
      name: 'TypeScript task: the answer\'s Pulumi.yaml block',
      path: 'lib/MODEL_RESPONSE.md',
      code: answer('name: TapStack\nruntime: nodejs\nconfig:\n  aws:region:\n    default: us-east-1'),
      errors: [{ line: 9, column: 3, message: /cannot declare a `default`.*\(the answer's Pulumi\.yaml\)$/ }],
    },
    {
      name: 'a project file reviewed beside the code',
      code: 'import pulumi\n',
      files: [{ path: 'Pulumi.yaml', content: 'name: tap\nruntime: python\nconfig:\n  aws:region:\n    default: us-west-2\n' }],
      errors: [{ path: 'Pulumi.yaml', line: 4, message: /cannot declare a `default`/ }],
    },
  ],
});
