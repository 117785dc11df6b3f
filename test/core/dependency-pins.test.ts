import { describe, expect, it } from 'vitest';
import { findDependencyPin, specifierMajor } from '../../src/packaging/dependency-pins.js';
import type { ProjectView } from '../../src/api/rule.js';

function project(files: Record<string, string>): ProjectView {
  return { files: [], paths: Object.keys(files), readFile: (path) => files[path] };
}

describe('specifierMajor', () => {
  it.each([
    ['==6.56.0', 6, '6.56.0'],
    ['~=6.5', 6, '6.5'],
    ['^7.0.0', 7, '7.0.0'],
    ['~6.1', 6, '6.1'],
    ['6.*', 6, '6'],
    ['==6.*', 6, '6'],
    ['>=6.0.0,<7.0.0', 6, '6.0.0'],
    ['>=6,<7', 6, '6'],
    ['<7', 6, undefined],
    ['<6.5', 6, undefined],
    ['<=6.9', 6, undefined],
    ['>=6.0.0', undefined, '6.0.0'],
    ['>=6,<8', 7, '6'],
    ['*', undefined, undefined],
    ['', undefined, undefined],
    ['7.2.0', 7, '7.2.0'],
  ])('%s -> major %s, minimum %s', (specifier, major, minimum) => {
    expect(specifierMajor(specifier)).toEqual({ major, minimum });
  });
});

describe('findDependencyPin', () => {
  it('reads requirements.txt, ignoring comments, extras, markers and look-alike names', () => {
    const pin = findDependencyPin(
      project({ 'requirements.txt': '# pulumi-aws==5.0.0\npulumi>=3.0.0,<4.0.0\npulumi-awsx==2.0.0\nPulumi_AWS[extra] >=6.0.0, <7.0.0 ; python_version >= "3.9"  # AWS\n' }),
      'pulumi-aws',
    );
    expect(pin).toMatchObject({ path: 'requirements.txt', line: 4, specifier: '>=6.0.0, <7.0.0', major: 6 });
  });

  it('reads Pipfile and Poetry tables', () => {
    expect(findDependencyPin(project({ Pipfile: '[packages]\npulumi = "*"\npulumi-aws = "==6.5.0"\n' }), 'pulumi-aws')).toMatchObject({ path: 'Pipfile', line: 3, major: 6 });
    expect(findDependencyPin(project({ 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\npulumi_aws = { version = "^7.1", optional = false }\n' }), 'pulumi-aws')).toMatchObject({ major: 7, minimum: '7.1' });
  });

  it('reads PEP 621 dependency arrays and setup.py', () => {
    expect(findDependencyPin(project({ 'pyproject.toml': '[project]\ndependencies = [\n  "pulumi>=3",\n  "pulumi-aws>=6.0,<7",\n]\n' }), 'pulumi-aws')).toMatchObject({ line: 4, major: 6 });
    expect(findDependencyPin(project({ 'setup.py': 'setup(install_requires=["pulumi>=3", "pulumi_aws==7.3.0"])\n' }), 'pulumi-aws')).toMatchObject({ major: 7 });
  });

  it('prefers the shallowest manifest, requirements.txt first', () => {
    const pin = findDependencyPin(
      project({ 'infra/requirements.txt': 'pulumi-aws==5.1.0\n', 'pyproject.toml': '[project]\ndependencies = ["pulumi-aws==7.2.0"]\n', 'requirements.txt': 'pulumi-aws==6.1.0\n' }),
      'pulumi-aws',
    );
    expect(pin).toMatchObject({ path: 'requirements.txt', major: 6 });
  });

  it('reports an unpinned dependency without a major, and nothing when absent', () => {
    expect(findDependencyPin(project({ 'requirements.txt': 'pulumi-aws\n' }), 'pulumi-aws')).toMatchObject({ specifier: '*', major: undefined });
    expect(findDependencyPin(project({ 'requirements.txt': 'pulumi\nboto3\n' }), 'pulumi-aws')).toBeUndefined();
    expect(findDependencyPin(project({}), 'pulumi-aws')).toBeUndefined();
  });
});
