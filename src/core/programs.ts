/**
 * Which code runs together, and its program models. A Pulumi project (the folder of a
 * `Pulumi.yaml`, or the reviewed root when there is none) is one program: its non-test source
 * files, reviewed or not (an unchanged `tap.py` still builds the provider a changed stack uses).
 * A Markdown answer is a program of its own: its code blocks, which are one proposal. Test code
 * is in no program: it does not deploy.
 *
 * Units are added as the engine parses them; their trees are held until the models are built:
 * an answer's right after its file was read, a project's after every file was.
 */
import type { ProjectView } from '../api/rule.js';
import type { ProgramModel } from '../pulumi/model.js';
import { buildPythonProgram, type ProgramUnit } from '../python/model/build-program.js';
import { ParserUnavailableError } from '../python/parser.js';
import { buildTypeScriptProgram } from '../typescript/model/build-program.js';
import { languageOf, type SourceUnit, type UnitLanguage } from '../syntax/source-unit.js';
import { unitsOf } from './source-units.js';

/** Unreviewed project files read for the model: at most this many, each at most this large. */
const MAX_EXTRA_FILES = 300;
const MAX_EXTRA_BYTES = 512 * 1024;

interface PendingProgram {
  root: string;
  kind: ProgramModel['kind'];
  language: UnitLanguage;
  units: ProgramUnit[];
  /** Paths whose code is in the program. */
  paths: Set<string>;
  /** Characters of code added so far. */
  size: number;
  /** Over the size limit: its units (and their trees) were let go, and no model is built. */
  oversized: boolean;
}

/** A program too large to model: where it is and how large, for the finding that says so. */
export interface OversizedProgram {
  root: string;
  language: UnitLanguage;
  paths: readonly string[];
  size: number;
}

export class ProgramCollector {
  private readonly programs = new Map<string, PendingProgram>();
  private readonly projectRoots: string[];

  constructor(
    private readonly project: ProjectView,
    /** Code a program model is built from at most (characters); a larger program gets none. */
    private readonly maxProgramSize = Infinity,
  ) {
    // Deepest first, so a file belongs to its nearest project.
    this.projectRoots = project.paths
      .filter((path) => /(^|\/)Pulumi\.ya?ml$/.test(path))
      .map((path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.'))
      .sort((a, b) => b.length - a.length);
  }

  /** The project folder a path belongs to (`.` for the reviewed root). */
  projectOf(path: string): string {
    return this.projectRoots.find((root) => root === '.' || path.startsWith(`${root}/`)) ?? '.';
  }

  /** A reviewed file's units, right after they were parsed (their trees stay until `build`). */
  addFile(path: string, units: readonly SourceUnit[]): void {
    const language = languageOf(path);
    if (language === 'markdown') {
      // An answer's blocks of one language are one program; a block in another language is another.
      for (const unit of units) if (!unit.isTestFile) this.program(path, 'answer', unit.language).units.push(programUnit(unit));
      return;
    }
    if (language !== 'python' && language !== 'typescript') return;
    const program = this.program(this.projectOf(path), 'project', language);
    program.paths.add(path);
    for (const unit of units) {
      if (unit.isTestFile) continue;
      program.size += unit.text.length;
      if (!program.oversized) program.units.push(programUnit(unit));
    }
    // Past the limit the trees held for the model are let go at once: the model will not be built.
    if (program.size > this.maxProgramSize && !program.oversized) {
      program.oversized = true;
      program.units = [];
    }
  }

  /**
   * The models of every program, built once; unreviewed source files of the projects are read for
   * them. A program whose model cannot be built is handed to `failed` (by its root) and left out.
   */
  build(failed: (root: string, error: unknown) => void, oversized: (program: OversizedProgram) => void = () => {}): ProgramModel[] {
    this.addUnreviewedFiles();
    const models: ProgramModel[] = [];
    for (const program of this.programs.values()) {
      if (program.oversized) oversized({ root: program.root, language: program.language, paths: [...program.paths], size: program.size });
      else this.buildOne(program, models, failed);
    }
    this.programs.clear();
    return models;
  }

  /**
   * The models of one Markdown answer's programs, as soon as its file was read: an answer is
   * complete then, so its trees and model need not wait for the rest of the review (a pull
   * request of thousands of answers would hold all of them).
   */
  buildAnswers(path: string, failed: (root: string, error: unknown) => void): ProgramModel[] {
    const models: ProgramModel[] = [];
    for (const [key, program] of this.programs) {
      if (program.kind !== 'answer' || program.root !== path) continue;
      this.programs.delete(key);
      this.buildOne(program, models, failed);
    }
    return models;
  }

  private buildOne(program: PendingProgram, models: ProgramModel[], failed: (root: string, error: unknown) => void): void {
    if (program.units.length === 0) return;
    const build = program.language === 'python' ? buildPythonProgram : buildTypeScriptProgram;
    try {
      models.push(build(program.units, program.root, program.kind));
    } catch (error) {
      if (error instanceof ParserUnavailableError) throw error;
      failed(program.root, error);
    }
  }

  private program(root: string, kind: ProgramModel['kind'], language: UnitLanguage): PendingProgram {
    const key = `${kind}:${language}:${root}`;
    let program = this.programs.get(key);
    if (!program) {
      program = { root, kind, language, units: [], paths: new Set(), size: 0, oversized: false };
      this.programs.set(key, program);
    }
    return program;
  }

  /** Source files of a reviewed project that are not under review (unchanged modules of a pull request). */
  private addUnreviewedFiles(): void {
    const reviewed = new Set(this.project.files.map((file) => file.path));
    let extra = 0;
    for (const path of this.project.paths) {
      const language = languageOf(path);
      if (reviewed.has(path) || (language !== 'python' && language !== 'typescript')) continue;
      const program = this.programs.get(`project:${language}:${this.projectOf(path)}`);
      if (!program || program.oversized || program.paths.has(path)) continue;
      if (extra >= MAX_EXTRA_FILES) break;
      const text = this.project.readFile(path);
      if (text === undefined || text.length > MAX_EXTRA_BYTES) continue;
      extra++;
      try {
        for (const unit of unitsOf(path, text)) if (!unit.isTestFile) program.units.push(programUnit(unit));
        program.paths.add(path);
      } catch (error) {
        // An unreadable extra file only informs the model; leaving it out keeps the model conservative.
        if (error instanceof ParserUnavailableError) throw error;
      }
    }
  }
}

/** The unit with its tree held: the review's tree cache may let the tree go once the file is done. */
function programUnit(unit: SourceUnit): ProgramUnit {
  return { unit, root: unit.root, modulePath: unit.path };
}
