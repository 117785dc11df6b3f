/**
 * The Python source a project rule can see: every reviewed unit, plus `.py` files that are
 * available but not reviewed (unchanged modules in a pull request). Detectors that conclude
 * "X never happens" search all of it, so a change to one file is not judged without the rest.
 */
import type { ProjectView } from './rule.js';
import { isTestPath, languageOf } from './source.js';

export interface PythonSourceText {
  path: string;
  text: string;
  isTestFile: boolean;
  /** False for files read through `project.readFile` that are not under review. */
  reviewed: boolean;
}

export function projectPythonTexts(project: ProjectView): PythonSourceText[] {
  const texts: PythonSourceText[] = [];
  const reviewed = new Set<string>();
  for (const file of project.files) {
    reviewed.add(file.path);
    for (const unit of file.units) texts.push({ path: file.path, text: unit.text, isTestFile: unit.isTestFile, reviewed: true });
  }
  for (const path of project.paths) {
    if (reviewed.has(path) || languageOf(path) !== 'python') continue;
    const text = project.readFile(path);
    if (text !== undefined) texts.push({ path, text, isTestFile: isTestPath(path), reviewed: false });
  }
  return texts;
}

/** True for `pulumi` and provider SDK modules such as `pulumi_aws`. */
export function isPulumiModule(module: string): boolean {
  return module === 'pulumi' || /^pulumi_[a-z0-9_]+$/.test(module);
}
