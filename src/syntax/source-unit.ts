/**
 * A unit of source code as every front-end hands it to the engine: one parse of one piece of
 * code, knowing where it sits in its file. A `.py` file is one unit; a Markdown answer gives one
 * unit per fenced code block. Language-neutral: front-ends add what only their language has.
 */
import type { SyntaxNode, Tree } from './flat-tree.js';

/** What a file is, by its name: the front-end that reads it, Markdown answers, or neither. */
export type Language = 'python' | 'typescript' | 'markdown' | 'other';

/** The languages units are written in (the front-ends). */
export type UnitLanguage = 'python' | 'typescript';

export interface SourceUnit {
  /** The language the unit's code is in (a Markdown block's fence says which); its tree is that grammar's. */
  readonly language: UnitLanguage;
  /** Path of the containing file, relative to the reviewed root, with `/`. */
  path: string;
  text: string;
  /** The parse of `text`; may be parsed again on a later read (see tree-cache.ts), with the same node ids. */
  readonly tree: Tree;
  readonly root: SyntaxNode;
  /** 0-based line of the containing file where this unit's first line sits. */
  lineOffset: number;
  /** Columns added to every position (indented Markdown fences). */
  columnOffset: number;
  origin: 'python-file' | 'typescript-file' | 'markdown-block';
  /** The last unit of its file: end-of-file checks (truncation) look only here. */
  isFinal: boolean;
  /** False for a Markdown block whose closing fence is missing; always true for source files. */
  fenceClosed: boolean;
  /**
   * The file this unit's code belongs to: the unit's own path for a source file; for a block of a
   * Markdown answer, the file the answer names for it (a heading, the line before, its first
   * comment), so that excerpts of one file can be judged together; undefined when the answer
   * names none.
   */
  assembledPath: string | undefined;
  /** Only blank lines follow this unit in its file: a cut-off answer ends in such a unit. */
  endsFile: boolean;
  /** How a Markdown block ends (see src/markdown/code-blocks.ts); undefined for source files. */
  blockEnding: 'fence' | 'glued-fence' | 'quotes' | 'prose' | 'none' | 'unfenced' | undefined;
  /** On the last unit of a Markdown answer: how the answer ends and which of its blocks its fences cut short. */
  answer: AnswerFacts | undefined;
  /** Test code, by the path conventions of the unit's language. */
  isTestFile: boolean;
  /** Import bindings: local name -> the qualified name it stands for (`aws` -> `pulumi_aws`). */
  readonly imports: ReadonlyMap<string, string>;
}

/** Facts about a whole Markdown answer (lines are 0-based lines of the Markdown file). */
export interface AnswerFacts {
  /** The answer ends inside a block of another language that is never closed (a ```yaml cut off). */
  unclosedTail: { language: string; fenceLine: number; endLine: number } | undefined;
  /**
   * Blocks closed early by the closing fence of a block nested in them: a README in a ```markdown
   * fence whose ```bash examples close it at the first example's end.
   */
  nestedCuts: { language: string; file: string | undefined; fenceLine: number; innerFenceLine: number; closingLine: number }[];
}

/**
 * Folders whose files are nobody's source: installed dependencies and build output (tsc's
 * `dist/`, CDK's `cdk.out/`, Pulumi's local state). A pull request or folder that carries them
 * is reviewed without reading them as code.
 */
const VENDORED_OR_BUILT = /(^|\/)(node_modules|dist|cdk\.out|\.pulumi)\//;

export function languageOf(path: string): Language {
  if (VENDORED_OR_BUILT.test(path)) return 'other';
  const lower = path.toLowerCase();
  if (lower.endsWith('.py') || lower.endsWith('.pyi')) return 'python';
  // Declaration files hold types only, no program; .mts/.cts are ES/CommonJS-flavoured TypeScript.
  if (/\.[mc]?ts$/.test(lower) && !/\.d\.[mc]?ts$/.test(lower)) return 'typescript';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'other';
}
