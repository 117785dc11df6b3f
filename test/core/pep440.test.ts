import { describe, expect, it } from 'vitest';
import {
  allAtOrAbove,
  allBelow,
  compareVersions,
  formatVersion,
  intersect,
  isEmptyRange,
  normalizeName,
  parseSpecifierSet,
  parseVersion,
  rangeOf,
  satisfies,
  type Specifier,
} from '../../src/packaging/pep440.js';
import { parseManifest, parseRequirement, parseRequirementsText, poetryConstraint } from '../../src/packaging/python-manifests.js';

function specs(text: string): Specifier[] {
  const parsed = parseSpecifierSet(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.specifiers;
}

function version(text: string) {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(`bad version ${text}`);
  return parsed;
}

describe('PEP 440 versions', () => {
  it.each([
    ['1.0', '1.0.0', 0],
    ['3', '3.0.0', 0],
    ['1.0.dev0', '1.0a1', -1],
    ['1.0a1', '1.0b1', -1],
    ['1.0b2', '1.0rc1', -1],
    ['1.0rc1', '1.0', -1],
    ['1.0', '1.0.post1', -1],
    ['1.0.post1.dev1', '1.0.post1', -1],
    ['1!0.1', '2.0', 1],
    ['2.10', '2.9', 1],
    ['v6.0.0', '6.0.0', 0],
    ['1.0+local.1', '1.0', 0],
  ])('%s vs %s -> %i', (a, b, expected) => {
    expect(Math.sign(compareVersions(version(a), version(b)))).toBe(expected);
  });

  it('normalises spellings', () => {
    expect(formatVersion(version('1.0-ALPHA.2'))).toBe('1.0a2');
    expect(formatVersion(version('1.0-1'))).toBe('1.0.post1');
    expect(parseVersion('latest')).toBeUndefined();
    expect(parseVersion('1..2')).toBeUndefined();
  });

  it('normalises project names (PEP 503)', () => {
    expect(normalizeName('PyYAML')).toBe('pyyaml');
    expect(normalizeName('pulumi_aws')).toBe('pulumi-aws');
    expect(normalizeName('zope.interface')).toBe('zope-interface');
  });
});

describe('specifier sets', () => {
  it.each([
    ['>=3.0.0,<4.0.0', '3.5.1', true],
    ['>=3.0.0,<4.0.0', '4.0.0', false],
    ['==6.*', '6.83.4', true],
    ['==6.*', '7.0.0', false],
    ['!=6.1.*', '6.1.9', false],
    ['!=6.1.*', '6.2.0', true],
    ['~=2.2', '2.9', true],
    ['~=2.2', '3.0', false],
    ['~=1.4.5', '1.4.9', true],
    ['~=1.4.5', '1.5.0', false],
    ['>2.0', '2.0', false],
    ['<=2.0', '2.0', true],
    ['', '1.0', true],
  ])('%s allows %s: %s', (set, candidate, expected) => {
    expect(satisfies(version(candidate), specs(set))).toBe(expected);
  });

  it.each([
    ['>=6.0.0<7.0.0', /comma/],
    ['=3.0', /use `==`/],
    ['~=3', /two version parts/],
    ['>=latest', /not a valid version/],
    ['>=6.*', /wildcard/],
    ['3.0', /not a version specifier/],
    ['==', /no version/],
  ])('rejects %s', (set, reason) => {
    const parsed = parseSpecifierSet(set);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('finds empty intersections', () => {
    expect(isEmptyRange(intersect(rangeOf(specs('==1.28.0')), rangeOf(specs('>=1.34'))))).toBe(true);
    expect(isEmptyRange(intersect(rangeOf(specs('<2')), rangeOf(specs('>=2'))))).toBe(true);
    expect(isEmptyRange(intersect(rangeOf(specs('<=2')), rangeOf(specs('>=2'))))).toBe(false);
    expect(isEmptyRange(intersect(rangeOf(specs('==2.0')), rangeOf(specs('!=2.0'))))).toBe(true);
    expect(isEmptyRange(intersect(rangeOf(specs('>=1,<3')), rangeOf(specs('>=2,<4'))))).toBe(false);
    expect(isEmptyRange(intersect(rangeOf(specs('~=6.0')), rangeOf(specs('==6.*'))))).toBe(false);
    expect(isEmptyRange(intersect(rangeOf(specs('==6.*')), rangeOf(specs('>=7'))))).toBe(true);
  });

  it('bounds whole ranges', () => {
    const pulumi3 = version('3.0.0');
    expect(allBelow(rangeOf(specs('==2.25.0')), pulumi3)).toBe(true);
    expect(allBelow(rangeOf(specs('<3')), pulumi3)).toBe(true);
    expect(allBelow(rangeOf(specs('<=3.0.0')), pulumi3)).toBe(false);
    expect(allBelow(rangeOf(specs('>=2')), pulumi3)).toBe(false);
    expect(allAtOrAbove(rangeOf(specs('>=3.0.0,<4')), pulumi3)).toBe(true);
    expect(allAtOrAbove(rangeOf(specs('<4')), pulumi3)).toBe(false);
  });
});

describe('PEP 508 requirements', () => {
  it('reads names, extras, specifiers and markers', () => {
    expect(parseRequirement('moto[s3, dynamodb] >= 5.0 , < 6 ; python_version >= "3.8"')).toEqual({
      kind: 'requirement',
      name: 'moto',
      extras: ['s3', 'dynamodb'],
      specifiers: [
        { operator: '>=', version: '5.0', wildcard: false },
        { operator: '<', version: '6', wildcard: false },
      ],
      constraintKnown: true,
      marker: 'python_version >= "3.8"',
    });
    expect(parseRequirement('pulumi (>=3.0,<4.0)')).toMatchObject({ name: 'pulumi', specifiers: [{ operator: '>=' }, { operator: '<' }] });
    expect(parseRequirement('pulumi-aws @ https://example.invalid/pulumi_aws-6.0.0.whl')).toMatchObject({ name: 'pulumi-aws', constraintKnown: false });
    expect(parseRequirement('git+https://github.com/org/lib.git#egg=orglib')).toMatchObject({ name: 'orglib', constraintKnown: false });
    expect(parseRequirement('git+https://github.com/org/lib.git')).toEqual({ kind: 'unknown' });
    expect(parseRequirement('pulumi-aws>=6.0.0<7.0.0')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/comma/) });
    expect(parseRequirement('moto[s3')).toMatchObject({ kind: 'invalid' });
  });

  it('reads requirements.txt lines, comments, options and continuations', () => {
    const parsed = parseRequirementsText(
      [
        '# comment',
        '--index-url https://pypi.invalid/simple',
        '-r requirements-base.txt',
        '-c constraints.txt',
        'pulumi>=3.0.0,<4.0.0  # the SDK',
        '  pulumi-aws==6.0.0 \\',
        '    --hash=sha256:abc',
        'boto3; python_version >= "3.8"',
        'broken>=1<2',
        '-e git+https://github.com/org/tool.git#egg=tool',
        '',
      ].join('\n'),
    );
    expect(parsed.includes).toEqual(['requirements-base.txt']);
    expect(parsed.requirements.map((requirement) => [requirement.normalized, requirement.line, requirement.column, requirement.text])).toEqual([
      ['pulumi', 5, 1, 'pulumi>=3.0.0,<4.0.0'],
      ['pulumi-aws', 6, 3, 'pulumi-aws==6.0.0'],
      ['boto3', 8, 1, 'boto3; python_version >= "3.8"'],
      ['tool', 10, 1, '-e git+https://github.com/org/tool.git#egg=tool'],
    ]);
    expect(parsed.invalid).toEqual([{ text: 'broken>=1<2', reason: 'separate specifiers with a comma', line: 9, column: 1, endColumn: 12 }]);
    expect(parsed.opaque).toBe(false);
    expect(parseRequirementsText('-e .\n').opaque).toBe(true);
  });

  it('converts Poetry constraints', () => {
    const show = (text: string) => poetryConstraint(text)?.map((spec) => `${spec.operator}${spec.version}${spec.wildcard ? '.*' : ''}`).join(',');
    expect(show('^3.0.0')).toBe('>=3.0.0,<4');
    expect(show('^0.2.3')).toBe('>=0.2.3,<0.3');
    expect(show('~1.2.3')).toBe('>=1.2.3,<1.3');
    expect(show('~1')).toBe('>=1,<2');
    expect(show('1.2.3')).toBe('==1.2.3');
    expect(show('6.*')).toBe('==6.*');
    expect(show('>=1.2 <2.0')).toBe('>=1.2,<2.0');
    expect(show('*')).toBe('');
    expect(show('^1 || ^2')).toBeUndefined();
  });
});

describe('manifests', () => {
  it('reads a Pipfile with positions', () => {
    const manifest = parseManifest('Pipfile', '[[source]]\nurl = "https://pypi.org/simple"\n\n[packages]\npulumi = "==2.25.0"\n"pulumi-aws" = {version = ">=6", extras = []}\n\n[dev-packages]\npytest = "*"\n');
    expect(manifest?.requirements.map((requirement) => [requirement.normalized, requirement.line, requirement.section, requirement.specifiers.length])).toEqual([
      ['pulumi', 5, 'packages', 1],
      ['pulumi-aws', 6, 'packages', 1],
      ['pytest', 9, 'dev-packages', 0],
    ]);
  });

  it('reads pyproject.toml tables', () => {
    const manifest = parseManifest(
      'pyproject.toml',
      '[project]\nname = "tap"\ndependencies = [\n  "pulumi>=3,<4",\n  "pulumi-aws>=6",\n]\n\n[project.optional-dependencies]\ndev = ["pytest>=8"]\n\n[tool.poetry.group.test.dependencies]\nmoto = "^5.0"\n',
    );
    expect(manifest?.declaresDependencies).toBe(true);
    expect(manifest?.requirements.map((requirement) => [requirement.normalized, requirement.line])).toEqual([
      ['pulumi', 4],
      ['pulumi-aws', 5],
      ['pytest', 9],
      ['moto', 12],
    ]);
    expect(parseManifest('pyproject.toml', '[tool.black]\nline-length = 100\n')?.declaresDependencies).toBe(false);
    expect(parseManifest('pyproject.toml', '[project]\nname = "x"\ndynamic = ["dependencies"]\n')?.opaque).toBe(true);
    expect(parseManifest('pyproject.toml', '[project\n')?.parseError).toBeTruthy();
  });

  it('reads literal install_requires of setup.py', () => {
    const manifest = parseManifest('setup.py', 'from setuptools import setup\n\nsetup(\n    name="tap",\n    install_requires=["pulumi>=3", "boto3"],\n)\n');
    expect(manifest?.requirements.map((requirement) => [requirement.normalized, requirement.line, requirement.column])).toEqual([
      ['pulumi', 5, 24],
      ['boto3', 5, 37],
    ]);
    expect(parseManifest('setup.py', 'from setuptools import setup\nsetup(install_requires=read_requirements())\n')?.opaque).toBe(true);
  });
});
