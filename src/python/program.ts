/**
 * The Python program a project rule reasons about: the reviewed units plus the project's other
 * Python files (read and parsed on demand, not reported on). A provider built in an unchanged
 * `tap.py` still counts when a pull request only touches `lib/tap_stack.py`.
 */
import { ParserUnavailableError } from './parser.js';
import type { ProjectView } from '../api/rule.js';
import { pythonUnitsOf, type PythonUnit } from './units.js';

export interface ProgramUnit {
  unit: PythonUnit;
  /** Reviewed units may carry findings; the others only inform the analysis. */
  reviewed: boolean;
}

const MAX_EXTRA_FILES = 300;
const MAX_EXTRA_BYTES = 512 * 1024;
const cache = new WeakMap<ProjectView, ProgramUnit[]>();

/** Reviewed units first (in review order), then the unreviewed `.py` files of the project. */
export function programUnits(project: ProjectView): ProgramUnit[] {
  const cached = cache.get(project);
  if (cached) return cached;
  const units: ProgramUnit[] = [];
  const reviewedPaths = new Set(project.files.map((file) => file.path));
  for (const file of project.files) for (const unit of file.units) units.push({ unit, reviewed: true });
  let extra = 0;
  for (const path of project.paths) {
    if (reviewedPaths.has(path) || !path.endsWith('.py')) continue;
    if (extra >= MAX_EXTRA_FILES) break;
    const text = project.readFile(path);
    if (text === undefined || text.length > MAX_EXTRA_BYTES) continue;
    extra++;
    try {
      for (const unit of pythonUnitsOf(path, text)) units.push({ unit, reviewed: false });
    } catch (error) {
      // An unparseable extra file only informs; skipping it keeps the analysis conservative.
      if (error instanceof ParserUnavailableError) throw error;
    }
  }
  cache.set(project, units);
  return units;
}
