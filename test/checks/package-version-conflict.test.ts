import { packageVersionConflict } from '../../checks/package-version-conflict.js';
import { ruleTester } from '../support/rule-tester.js';

const manifest = (path: string, content: string) => ({ files: [{ path, content, status: 'modified' as const }] });

ruleTester(packageVersionConflict, {
  valid: [
    { name: 'compatible pulumi 3 set', ...manifest('requirements.txt', 'pulumi>=3.0.0,<4.0.0\npulumi-aws>=6.0.0,<7.0.0\npulumi-random>=4.16,<5\n') },
    { name: 'pulumi 2 with a pulumi-2 era provider', ...manifest('requirements.txt', 'pulumi==2.25.0\npulumi-aws==3.38.0\n') },
    { name: 'provider without a lower bound may resolve to an old major', ...manifest('requirements.txt', 'pulumi<3\npulumi-aws<7\n') },
    { name: 'two compatible pins of one package', ...manifest('requirements.txt', 'boto3>=1.28\nboto3<2\n') },
    { name: 'conflicting pins under different markers', ...manifest('requirements.txt', 'numpy==1.24.4; python_version < "3.9"\nnumpy==2.1.0; python_version >= "3.9"\n') },
    { name: 'hashes, options, comments and includes', ...manifest('requirements.txt', '--index-url https://pypi.org/simple\n-r requirements-dev.txt\npulumi==3.130.0 --hash=sha256:abc  # pinned\n') },
    { name: 'Pipfile with wildcard versions', ...manifest('Pipfile', '[packages]\npulumi = "*"\npulumi-aws = ">=6.0.0"\n\n[dev-packages]\npytest = "*"\n') },
    { name: 'Poetry caret constraints', ...manifest('pyproject.toml', '[tool.poetry.dependencies]\npython = "^3.12"\npulumi = "^3.100"\npulumi-aws = "^6.0"\n') },
    { name: 'an unchanged manifest is not judged in a change review', files: [{ path: 'requirements.txt', content: 'pulumi==2.25.0\npulumi-aws==6.0.0\n', status: 'unchanged' }] },
    { name: 'imported but not listed is IAC103, not this rule', code: 'import pulumi_random\n', project: { 'requirements.txt': 'pulumi>=3\n' } },
    { name: 'a Python file called setup.py with literal pins', ...manifest('setup.py', 'from setuptools import setup\n\nsetup(name="tap", install_requires=["pulumi>=3,<4", "pulumi-aws>=6,<7"])\n') },
    // package.json of a TypeScript project.
    { name: 'compatible @pulumi set', ...manifest('package.json', '{\n  "name": "tap",\n  "dependencies": {\n    "@pulumi/pulumi": "^3.113.0",\n    "@pulumi/aws": "^6.0.0",\n    "@pulumi/awsx": "^2.0.0"\n  },\n  "devDependencies": {\n    "typescript": "^5.4.0",\n    "@types/jest": "^29"\n  }\n}\n') },
    { name: 'git, file and tag specifiers are not ranges but fine', ...manifest('package.json', '{\n  "name": "tap",\n  "dependencies": {\n    "@pulumi/pulumi": "latest",\n    "local-lib": "file:../lib",\n    "forked": "github:me/forked#main"\n  }\n}\n') },
    { name: 'the same package with overlapping ranges', ...manifest('package.json', '{\n  "name": "tap",\n  "dependencies": {\n    "@pulumi/aws": "^6.0.0"\n  },\n  "devDependencies": {\n    "@pulumi/aws": "^6.2.0"\n  }\n}\n') },
    { name: 'package.json under node_modules is not the project one', ...manifest('node_modules/x/package.json', '{\n  "name": "tap",\n  "dependencies": {\n    "@pulumi/pulumi": "^2",\n    "@pulumi/aws": "^6"\n  }\n}\n') },
  ],
  invalid: [
    {
      name: 'seed: pulumi 2 with pulumi-aws 6',
      ...manifest('requirements.txt', 'pulumi==2.25.0\npulumi-aws==6.0.0\n'),
      errors: [{ line: 2, column: 1, endColumn: 18, path: 'requirements.txt', message: /`pulumi-aws==6.0.0` needs pulumi 3 .* but `pulumi==2.25.0` \(line 1\) allows only pulumi 2/ }],
    },
    {
      name: 'pulumi<3 with pulumi-aws>=5',
      ...manifest('requirements.txt', 'pulumi>=2.0.0,<3.0.0\npulumi-aws>=5.0.0\npulumi-random~=4.8\n'),
      errors: [
        { line: 2, message: /`pulumi-aws>=5.0.0` needs pulumi 3/ },
        { line: 3, message: /`pulumi-random~=4.8` needs pulumi 3/ },
      ],
    },
    {
      name: 'pulumi 3 with a pulumi-2 era provider',
      ...manifest('requirements.txt', 'pulumi>=3.0.0,<4.0.0\npulumi-aws==3.38.0\n'),
      errors: [{ line: 2, message: /`pulumi-aws==3.38.0` needs pulumi 2 or older/ }],
    },
    {
      name: 'two conflicting pins of one package',
      ...manifest('requirements.txt', 'boto3==1.28.0\npulumi>=3\nBoto3>=1.34\n'),
      errors: [{ line: 3, column: 1, message: /`Boto3>=1.34` cannot be installed together with `boto3==1.28.0` \(line 1\)/ }],
    },
    {
      name: 'missing comma between specifiers',
      ...manifest('requirements.txt', 'pulumi>=3.0.0,<4.0.0\n  pulumi-aws>=6.0.0<7.0.0\n'),
      errors: [{ line: 2, column: 3, endColumn: 26, message: /`pulumi-aws>=6.0.0<7.0.0` is not a valid requirement: separate specifiers with a comma/ }],
    },
    {
      name: 'single = is not an operator',
      ...manifest('requirements.txt', 'pulumi=3.0.0\n'),
      errors: [{ line: 1, message: /use `==`/ }],
    },
    {
      name: 'Pipfile: pulumi 2 with pulumi-aws 6',
      ...manifest('Pipfile', '[packages]\npulumi = "==2.25.0"\n\n[dev-packages]\npulumi-aws = {version = "==6.0.0"}\n'),
      errors: [{ line: 5, path: 'Pipfile', message: /needs pulumi 3/ }],
    },
    {
      name: 'pyproject: Poetry pulumi 2 with pulumi-aws ^6',
      ...manifest('pyproject.toml', '[tool.poetry.dependencies]\npython = "^3.9"\npulumi = "^2.0"\npulumi-aws = "^6.0"\n'),
      errors: [{ line: 4, message: /`pulumi-aws = "\^6.0"` needs pulumi 3/ }],
    },
    {
      name: 'pyproject: conflicting pins across dependency tables',
      ...manifest('pyproject.toml', '[project]\nname = "tap"\ndependencies = ["pulumi>=3,<4"]\n\n[project.optional-dependencies]\ndev = ["pulumi==2.25.0"]\n'),
      errors: [{ line: 6, column: 9, message: /`pulumi==2.25.0` cannot be installed together with `pulumi>=3,<4` \(line 3\)/ }],
    },
    {
      name: 'Pipfile that is not TOML',
      ...manifest('Pipfile', '[packages]\npulumi = "*"\npulumi-aws = \n'),
      errors: [{ line: 3, message: /Pipfile is not valid TOML/ }],
    },
    {
      name: 'scan mode judges unchanged manifests too',
      mode: 'scan',
      files: [{ path: 'requirements.txt', content: 'pulumi~=2.0\npulumi-gcp==7.0.0\n', status: 'unchanged' }],
      errors: [{ line: 2, message: /`pulumi-gcp==7.0.0` needs pulumi 3/ }],
    },
    {
      name: 'package.json: @pulumi/pulumi 2 with @pulumi/aws 6',
      ...manifest('package.json', '{\n  "name": "tap",\n  "dependencies": {\n    "@pulumi/pulumi": "^2.25.0",\n    "@pulumi/aws": "^6.0.0"\n  }\n}\n'),
      errors: [{ line: 5, column: 5, path: 'package.json', message: /`@pulumi\/aws` "\^6\.0\.0" needs @pulumi\/pulumi 3 .* but @pulumi\/pulumi is "\^2\.25\.0" \(line 4\)/ }],
    },
    {
      name: 'package.json: a range npm cannot read, and disjoint pins in dependencies and devDependencies',
      ...manifest('package.json', '{\n  "name": "tap",\n  "dependencies": {\n    "@pulumi/pulumi": ">=3.0.0<4.0.0",\n    "@pulumi/aws": "^6.0.0"\n  },\n  "devDependencies": {\n    "@pulumi/aws": "^5.0.0"\n  }\n}\n'),
      errors: [
        { line: 4, message: /`@pulumi\/pulumi`: ">=3\.0\.0<4\.0\.0" is not a version range npm can read/ },
        { line: 8, message: /`@pulumi\/aws` is "\^5\.0\.0" in devDependencies but "\^6\.0\.0" in dependencies \(line 5\): no version satisfies both/ },
      ],
    },
    { name: 'package.json that is not JSON', ...manifest('package.json', '{\n  "dependencies": { "@pulumi/aws": "^6" \n'), errors: [{ line: 1, message: /package\.json is not valid JSON/ }] },
  ],
});
