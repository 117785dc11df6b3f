/**
 * A TypeScript project's pin of a package, in the shape the Python manifests give
 * (`DependencyPin`): the nearest `package.json` to the project root that names it (outside
 * `node_modules`), its range, and the major and minimum version npm would install from it.
 */
import semver from 'semver';
import type { ProjectView } from '../api/rule.js';
import type { DependencyPin } from './dependency-pins.js';
import { parsePackageJson } from './package-json.js';

const PACKAGE_JSON = /(^|\/)package\.json$/;

export function typeScriptDependencyPin(project: ProjectView, name: string): DependencyPin | undefined {
  const manifests = project.paths
    .filter((path) => PACKAGE_JSON.test(path) && !path.includes('node_modules/'))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  for (const path of manifests) {
    const text = project.readFile(path);
    if (text === undefined) continue;
    const entry = parsePackageJson(text).dependencies.find((dependency) => dependency.name === name);
    if (!entry) continue;
    const minimum = entry.isRange ? semver.minVersion(entry.range) : null;
    return { path, line: entry.line, specifier: entry.range, major: minimum?.major, minimum: minimum?.version };
  }
  return undefined;
}
