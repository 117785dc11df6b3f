/**
 * Which bundled API table judges a project, from its pin of `pulumi-aws`, and how sure a
 * finding made against it can be. Shared by IAC104 and IAC105.
 */
import { findDependencyPin, type DependencyPin } from './dependency-pins.js';
import type { ProjectView } from '../api/rule.js';
import type { SourceLanguage } from '../pulumi/model.js';
import type { PythonUnit } from '../python/units.js';
import { awsApi, BUNDLED_MAJORS, isBundledMajor, PYTHON_PACKAGE, type AwsApi, type BundledMajor } from '../aws/api.js';
import { getOrCompute } from '../syntax/memo-table.js';
import { typeScriptDependencyPin } from './package-json-pins.js';

export interface Judge {
  api: AwsApi;
  pin: DependencyPin | undefined;
  /** `pulumi-aws 7.48.0`, for messages. */
  label: string;
  /**
   * Set when the table may not match what the project installs (a pinned major without a
   * bundled table, or a minimum version newer than the table): why unknown names are only
   * warnings.
   */
  uncertainty: string | undefined;
  /** The other bundled majors, loaded only when asked (for "it exists in 6.83.4" hints). */
  others(): AwsApi[];
}

/** True when the unit imports anything from `pulumi_aws`. */
export function importsPulumiAws(unit: PythonUnit): boolean {
  for (const qualified of unit.imports.values()) {
    if (qualified === PYTHON_PACKAGE || qualified.startsWith(`${PYTHON_PACKAGE}.`)) return true;
  }
  return false;
}

function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference) return difference;
  }
  return 0;
}

function nearestBundled(major: number): BundledMajor {
  const newest = BUNDLED_MAJORS[0];
  const oldest = BUNDLED_MAJORS[BUNDLED_MAJORS.length - 1] as BundledMajor;
  return major >= newest ? newest : major <= oldest ? oldest : newest;
}

const judges = new WeakMap<ProjectView, Judge>();

/** The judge for a project, worked out once per review (IAC104 and IAC105 both ask). */
export function judgeFor(project: ProjectView): Judge {
  return getOrCompute(judges, project, makeJudge);
}

const typeScriptJudges = new WeakMap<ProjectView, Judge>();

/** The judge for a TypeScript program: the project's package.json pin of `@pulumi/aws`. */
export function typeScriptJudgeFor(project: ProjectView): Judge {
  return getOrCompute(typeScriptJudges, project, (view) => judgeForPin(typeScriptDependencyPin(view, '@pulumi/aws'), '@pulumi/aws'));
}

function makeJudge(project: ProjectView): Judge {
  return judgeForPin(findDependencyPin(project, 'pulumi-aws'), 'pulumi-aws');
}

function judgeForPin(pin: DependencyPin | undefined, packageName: string): Judge {
  const pinnedMajor = pin?.major;
  const major: BundledMajor = pinnedMajor === undefined ? BUNDLED_MAJORS[0] : isBundledMajor(pinnedMajor) ? pinnedMajor : nearestBundled(pinnedMajor);
  const api = awsApi(major);
  const label = `${packageName} ${api.version}`;
  let uncertainty: string | undefined;
  if (pin && pinnedMajor !== undefined && !isBundledMajor(pinnedMajor)) {
    uncertainty = `${pin.path} pins ${packageName} ${pin.specifier} (major ${pinnedMajor}), which iac-review has no table for; judged against ${api.version}, so this may be a version difference`;
  } else if (pin?.minimum && (pinnedMajor ?? major) === major && compareVersions(pin.minimum, api.version) > 0) {
    uncertainty = `${pin.path} pins ${packageName} ${pin.specifier}, newer than the bundled ${api.version} table, so this may be new in that release`;
  }
  let others: AwsApi[] | undefined;
  return {
    api,
    pin,
    label,
    uncertainty,
    others: () => (others ??= BUNDLED_MAJORS.filter((other) => other !== major).map((other) => awsApi(other))),
  };
}

/** The judge for code of a language: package.json's `@pulumi/aws` for TypeScript, the Python manifests' `pulumi-aws` otherwise. */
export function judgeForLanguage(project: ProjectView, language: SourceLanguage): Judge {
  return language === 'typescript' ? typeScriptJudgeFor(project) : judgeFor(project);
}
