/**
 * The Python source a project rule can see: every reviewed unit, plus `.py` files that are
 * available but not reviewed (unchanged modules in a pull request). Detectors that conclude
 * "X never happens" search all of it, so a change to one file is not judged without the rest.
 */
import { nodesOfType } from './fast-walk.js';
import { markdownPython } from './markdown-python.js';
import type { ProjectView } from '../api/rule.js';
import { isTestPath, languageOf, type PythonUnit } from './units.js';
import { getOrCompute } from '../syntax/memo-table.js';

export interface PythonSourceText {
  path: string;
  readonly text: string;
  isTestFile: boolean;
  /** False for files read through `project.readFile` that are not under review. */
  reviewed: boolean;
}

/**
 * Read from the files' texts, not their parsed units, so a project rule can ask before the
 * engine has parsed anything (in `begin`).
 */
export function projectPythonTexts(project: ProjectView): PythonSourceText[] {
  const texts: PythonSourceText[] = [];
  const reviewed = new Set<string>();
  for (const file of project.files) {
    reviewed.add(file.path);
    // The engine's entries say whether there is a text without inflating it.
    if ('hasText' in file ? !file.hasText : file.text === undefined) continue;
    const language = languageOf(file.path);
    const isTestFile = isTestPath(file.path);
    // A Python file's text is read from the file each time: the engine may keep it deflated between reads.
    if (language === 'python') texts.push({ path: file.path, get text() { return file.text ?? ''; }, isTestFile, reviewed: true });
    else if (language === 'markdown') {
      for (const block of markdownPython(file.text ?? '').blocks) texts.push({ path: file.path, text: block.code, isTestFile: isTestPath(block.file ?? file.path), reviewed: true });
    }
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

/**
 * Project modules a unit imports whose source this review cannot read (an unchanged file in a
 * pull request): code there may do what the unit seems to leave undone. Absolute imports are
 * matched against the project's paths (`lib.network` -> lib/network.py or
 * lib/network/__init__.py), relative ones against the unit's own folder; modules that match no
 * project path are taken to be installed packages.
 */
/** Per project view: its known paths and its reviewed paths, as sets (asked for every import of every unit). */
const pathSets = new WeakMap<ProjectView, { known: Set<string>; reviewed: Set<string> }>();

function pathSetsOf(project: ProjectView): { known: Set<string>; reviewed: Set<string> } {
  return getOrCompute(pathSets, project, () => ({ known: new Set(project.paths), reviewed: new Set(project.files.map((file) => file.path)) }));
}

export function unseenImportedModules(unit: PythonUnit, project: ProjectView): string[] {
  const { known, reviewed } = pathSetsOf(project);
  const readable = (path: string) => reviewed.has(path) || project.readFile(path) !== undefined;
  const folder = unit.path.includes('/') ? unit.path.slice(0, unit.path.lastIndexOf('/')) : '';
  const unseen: string[] = [];
  for (const statement of nodesOfType(unit.root, ['import_statement', 'import_from_statement'])) {
    const targets: string[] = [];
    if (statement.type === 'import_statement') {
      for (const child of statement.namedChildren) {
        const name = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
        if (name?.type === 'dotted_name') targets.push(name.text.replace(/\./g, '/'));
      }
    } else {
      const module = statement.childForFieldName('module_name');
      if (!module) continue;
      let base: string;
      if (module.type === 'relative_import') {
        const dots = /^\.+/.exec(module.text)?.[0].length ?? 1;
        const parts = folder ? folder.split('/') : [];
        base = [...parts.slice(0, Math.max(0, parts.length - (dots - 1))), ...module.text.slice(dots).split('.').filter(Boolean)].join('/');
      } else {
        base = module.text.replace(/\./g, '/');
      }
      targets.push(base);
      // `from lib import network` may name a submodule.
      for (const name of statement.childrenForFieldName('name')) {
        const imported = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
        if (imported?.type === 'dotted_name') targets.push(`${base ? `${base}/` : ''}${imported.text.replace(/\./g, '/')}`);
      }
    }
    for (const target of targets) {
      for (const path of [`${target}.py`, `${target}/__init__.py`]) {
        if (known.has(path) && !readable(path) && !isTestPath(path)) unseen.push(path);
      }
    }
  }
  return [...new Set(unseen)];
}
