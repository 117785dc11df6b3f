/**
 * IAC602: dependency manifests whose pins cannot be installed together. Judges the manifests
 * themselves (requirements*.txt, Pipfile, pyproject.toml, setup.py):
 *
 * - a requirement pip cannot parse (`pulumi-aws>=6.0.0<7.0.0`, `pulumi=3.0`, `~=3`);
 * - two pins of one package in one manifest with no version in common (entries with environment
 *   markers are left out: they may apply to different environments);
 * - a pulumi pin and a provider SDK pin from different Pulumi majors: provider SDKs from the
 *   Pulumi 3 era (pulumi-aws 4+, pulumi-random 4+, pulumi-gcp 5+...) need pulumi>=3, older
 *   ones need pulumi<3;
 * - a Pipfile or pyproject.toml that is not valid TOML, so no pin in it can be read;
 * - for TypeScript projects, package.json: a range npm cannot read, a package pinned twice
 *   (dependencies and devDependencies) with no common version, `@pulumi/*` SDKs from a
 *   different Pulumi major than `@pulumi/pulumi`, and a file that is not valid JSON.
 *
 * "A package the code imports that no manifest lists" is reported by IAC103 at the import,
 * never here, so one problem gives one finding. In a change review only manifests the change
 * touches are judged; a scan judges all of them.
 */
import { allAtOrAbove, allBelow, intersect, isEmptyRange, parseVersion, rangeOf, type Version, type VersionRange } from '../src/packaging/pep440.js';
import { manifestKind, parseManifest, type Requirement } from '../src/packaging/python-manifests.js';
import type { ModelRule } from '../src/api/rule.js';
import { disjoint, majorSide, parsePackageJson, type PackageJsonDependency } from '../src/packaging/package-json.js';

const PULUMI_3 = parseVersion('3.0.0') as Version;

/** Provider SDK -> first major released for Pulumi 3 (needs pulumi>=3; every older major needs pulumi<3). */
const FIRST_PULUMI_3_MAJOR: Record<string, number> = {
  'pulumi-aws': 4,
  'pulumi-azure': 4,
  'pulumi-azure-native': 1,
  'pulumi-gcp': 5,
  'pulumi-kubernetes': 3,
  'pulumi-random': 4,
  'pulumi-tls': 4,
  'pulumi-docker': 3,
};

export const packageVersionConflict: ModelRule = {
  meta: {
    id: 'IAC602',
    name: 'package-version-conflict',
    title: 'Incompatible or missing package versions',
    category: 'Language and Framework',
    severity: 'error',
    why: 'Pins that cannot work together fail at `pip install` or `pipenv lock` before anything is deployed: pulumi 2.x cannot run provider SDKs built for pulumi 3 (pulumi-aws 4 and later), two pins of one package with no common version cannot be resolved, and a malformed requirement line stops pip outright.',
    fix: 'Pin one compatible set, e.g. `pulumi>=3.0.0,<4.0.0` with `pulumi-aws>=6.0.0,<7.0.0`; keep one entry per package; separate specifiers with commas (`>=6.0.0,<7.0.0`). Packages imported but not listed are reported by IAC103 at the import.',
    badExample: 'pulumi==2.25.0\npulumi-aws==6.0.0\nboto3==1.28.0\nboto3>=1.34',
    goodExample: 'pulumi>=3.0.0,<4.0.0\npulumi-aws>=6.0.0,<7.0.0\nboto3>=1.34,<2',
    example: { path: 'requirements.txt' },
    seed: { report: 'model-failures-tracking', section: 'Package Management Issues' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  project(project, context) {
    for (const file of project.files) {
      if (!manifestKind(file.path) || file.text === undefined) continue;
      if (context.settings.mode === 'change' && file.status === 'unchanged') continue;
      const manifest = parseManifest(file.path, file.text);
      if (!manifest) continue;
      const report = (at: { line: number; column: number; endColumn: number; text: string }, message: string) =>
        context.report({ path: file.path, span: { line: at.line, column: at.column, endLine: at.line, endColumn: at.endColumn }, snippet: at.text, message });
      if (manifest.parseError) {
        const at = manifest.parseErrorLine ?? 1;
        const text = file.text.split(/\r?\n/)[at - 1] ?? '';
        report({ line: at, column: 1, endColumn: text.length + 1, text }, `${file.path} is not valid TOML (${manifest.parseError}), so no pin in it can be installed.`);
        continue;
      }
      for (const invalid of manifest.invalid) {
        report(invalid, `\`${invalid.text}\` is not a valid requirement: ${invalid.reason}.`);
      }
      const pinned = manifest.requirements.filter((requirement) => requirement.constraintKnown && !requirement.marker && requirement.specifiers.length > 0);
      conflictingPins(pinned, report);
      pulumiMajorMismatch(pinned, report);
    }
    for (const file of project.files) {
      if (!/(^|\/)package\.json$/.test(file.path) || /(^|\/)node_modules\//.test(file.path) || file.text === undefined) continue;
      if (context.settings.mode === 'change' && file.status === 'unchanged') continue;
      checkPackageJson(file.path, file.text, (at, message) => context.report({ path: file.path, span: { line: at.line, column: at.column, endLine: at.line, endColumn: at.endColumn }, snippet: at.text, message }));
    }
  },
};

type PackageReport = (at: { line: number; column: number; endColumn: number; text: string }, message: string) => void;

/** package.json: ranges npm cannot read, one package pinned twice with no common version, Pulumi majors that do not fit together. */
function checkPackageJson(path: string, text: string, report: PackageReport): void {
  const manifest = parsePackageJson(text);
  if (manifest.parseError) {
    report({ line: 1, column: 1, endColumn: 2, text: text.split('\n', 1)[0] ?? '' }, `${path} is not valid JSON (${manifest.parseError}), so npm cannot install from it.`);
    return;
  }
  for (const dependency of manifest.dependencies) {
    if (dependency.invalid) report(dependency, `\`${dependency.name}\`: "${dependency.range}" is not a version range npm can read (write e.g. "^6.0.0" or ">=6.0.0 <7.0.0").`);
  }
  const ranged = manifest.dependencies.filter((dependency) => dependency.isRange && dependency.table !== 'peerDependencies');
  const byName = new Map<string, PackageJsonDependency[]>();
  for (const dependency of ranged) {
    const same = byName.get(dependency.name);
    if (same) same.push(dependency);
    else byName.set(dependency.name, [dependency]);
  }
  for (const entries of byName.values()) {
    const [first, ...others] = entries;
    for (const other of others) {
      if (first && disjoint(first.range, other.range)) report(other, `\`${other.name}\` is "${other.range}" in ${other.table} but "${first.range}" in ${first.table} (line ${first.line}): no version satisfies both.`);
    }
  }
  const pulumi = ranged.find((dependency) => dependency.name === '@pulumi/pulumi');
  if (!pulumi) return;
  const pulumiSide = majorSide(pulumi.range, 3);
  for (const dependency of ranged) {
    const firstMajor = FIRST_PULUMI_3_MAJOR[dependency.name.replace(/^@pulumi\//, 'pulumi-')];
    if (firstMajor === undefined || !dependency.name.startsWith('@pulumi/')) continue;
    const side = majorSide(dependency.range, firstMajor);
    if (pulumiSide === 'below' && side === 'at-or-above') {
      report(dependency, `\`${dependency.name}\` "${dependency.range}" needs @pulumi/pulumi 3 (${dependency.name} ${firstMajor}.0 and later require it), but @pulumi/pulumi is "${pulumi.range}" (line ${pulumi.line}).`);
    } else if (pulumiSide === 'at-or-above' && side === 'below') {
      report(dependency, `\`${dependency.name}\` "${dependency.range}" is from before @pulumi/pulumi 3 (${dependency.name} before ${firstMajor}.0 requires @pulumi/pulumi 2), but @pulumi/pulumi is "${pulumi.range}" (line ${pulumi.line}).`);
    }
  }
}

type Report = (at: Requirement, message: string) => void;

function where(requirement: Requirement): string {
  return `\`${requirement.text}\` (line ${requirement.line})`;
}

function conflictingPins(pinned: readonly Requirement[], report: Report): void {
  const byName = new Map<string, Requirement[]>();
  for (const requirement of pinned) {
    const list = byName.get(requirement.normalized) ?? [];
    list.push(requirement);
    byName.set(requirement.normalized, list);
  }
  for (const entries of byName.values()) {
    let combined: VersionRange | undefined;
    for (const [index, entry] of entries.entries()) {
      const range = rangeOf(entry.specifiers);
      if (combined && isEmptyRange(intersect(combined, range))) {
        const clash = entries.slice(0, index).find((earlier) => isEmptyRange(intersect(rangeOf(earlier.specifiers), range)));
        const against = clash ? where(clash) : entries.slice(0, index).map(where).join(' and ');
        report(entry, `\`${entry.text}\` cannot be installed together with ${against}: no version of ${entry.name} satisfies both.`);
        continue;
      }
      combined = combined ? intersect(combined, range) : range;
    }
  }
}

function pulumiMajorMismatch(pinned: readonly Requirement[], report: Report): void {
  const pulumi = pinned.filter((requirement) => requirement.normalized === 'pulumi');
  if (pulumi.length === 0) return;
  const pulumiRange = pulumi.map((requirement) => rangeOf(requirement.specifiers)).reduce(intersect);
  if (isEmptyRange(pulumiRange)) return; // already reported as conflicting pins
  const pulumi2 = allBelow(pulumiRange, PULUMI_3);
  const pulumi3 = allAtOrAbove(pulumiRange, PULUMI_3);
  if (!pulumi2 && !pulumi3) return;
  const pulumiEntry = pulumi[0] as Requirement;
  for (const provider of pinned) {
    const firstMajor = FIRST_PULUMI_3_MAJOR[provider.normalized];
    if (firstMajor === undefined) continue;
    const range = rangeOf(provider.specifiers);
    const threshold = parseVersion(`${firstMajor}.0.0`) as Version;
    if (pulumi2 && allAtOrAbove(range, threshold)) {
      report(provider, `\`${provider.text}\` needs pulumi 3 (${provider.name} ${firstMajor}.0 and later require pulumi>=3.0.0), but ${where(pulumiEntry)} allows only pulumi 2 or older.`);
    } else if (pulumi3 && allBelow(range, threshold)) {
      report(provider, `\`${provider.text}\` needs pulumi 2 or older (${provider.name} before ${firstMajor}.0 requires pulumi<3.0.0), but ${where(pulumiEntry)} allows only pulumi 3 or newer.`);
    }
  }
}
