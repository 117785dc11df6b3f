/**
 * Which file of the answer a code block belongs to. Answers name their files in many ways: a
 * heading (`### lib/tap_stack.py`, `## 4. Main program (`__main__.py`)`), a bold or plain label
 * on the line before (`**tests/unit/test_tap_stack.py**`, `=== tap.py ===`, `File: lib\\vpc.py`),
 * or a comment on the block's first line (`# lib/tap_stack.py`). Markdown escapes and Windows
 * separators are undone (`lib\\*\\*init\\*\\*.py` is `lib/__init__.py`).
 */

/**
 * A path with a file extension, as `(?:^|[\s`'"(*[:])((?:[\w*\\.-]+[\\/])*[\w*\\.-]*[\w*]\.(?:EXT))(?=$|[\s`'"),:*\]])`
 * would find it (`[\w*\\/.-]` keeps Markdown-escaped underscores for `normalizePath`). Found by
 * hand (see pathIn): as that one pattern, a backslash both in a name and as the separator made
 * `a\a\a...` of 50 characters backtrack for seconds, and a long line of `*` took quadratic time.
 */
const PATH_RUN = /[\w*\\./-]+/g;
/** A file name's end: a name character, the dot and the extension, then the run's end or a `*`. */
const PATH_END = /[\w*]\.(?:py|pyi|ts|tsx|js|mjs|json|ya?ml|toml|txt|cfg|ini|sh|md|tf|hcl|env|lock)(?=\*|$)/g;
const BEFORE_PATH = /[\s`'"(*[:]/;
const AFTER_PATH = /[\s`'"),:\]]/;
/** A comment that only names a file: `# lib/tap_stack.py`, `# File: tap.py`, `# CORRECTED: tap.py`, `// bin/tap.ts`. */
const PATH_COMMENT = /^\s*(?:#|\/\/)\s*(?:[A-Za-z ]{1,20}:\s*)?(\S+\.\w+)\s*(?:\(.*\)\s*)?$/;
/** Longer first lines are code or prose, not a comment naming a file (and PATH_COMMENT backtracks over their words). */
const MAX_PATH_COMMENT = 200;
/** A line that labels what follows: a heading, a bold line, `File:`, `=== x ===`, a numbered label, or a lone path. */
const LABEL = /^\s*(#{1,6}\s|\*\*|__|=+\s|(?:\d+\.|[-*])\s+\S*[\\/.]|(?:file|path)\s*:|`[^`]+`\s*(?::\s*)?$)/i;
/** Lines before a fence searched for a label. */
const LOOKBACK = 3;
const CODE_EXTENSIONS = /\.(py|pyi)$/;

/** `lib\\*\\*init\\*\\*.py` -> `lib/__init__.py`; `./tap.py` -> `tap.py`. */
export function normalizePath(raw: string): string {
  let path = raw.replace(/\\([*_])/g, '$1').replace(/\\/g, '/');
  // Bold markers that ate a dunder's underscores: `**init**.py`.
  path = path.replace(/\*\*([A-Za-z0-9]+)\*\*/g, '__$1__').replace(/\*/g, '');
  // `lib\**init**.py`: the escape ate the separator before the dunder.
  path = path.replace(/([A-Za-z0-9])(__[a-z]+__\.pyi?)$/, '$1/$2');
  return path.replace(/\/{2,}/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
}

/**
 * The first path in a line: runs of path characters are read one at a time; a path starts at a
 * run's start (after the line's start or a delimiter) or after a `*` in it, ends after an
 * extension (at the run's end when a delimiter follows, or before a `*`), never starts with `/`
 * and never holds `//`. The earliest start wins, then the furthest end, as in a regex.
 */
function pathIn(line: string): string | undefined {
  for (const run of line.matchAll(PATH_RUN)) {
    const found = pathInRun(run[0], run.index === 0 || BEFORE_PATH.test(line.charAt(run.index - 1)), run.index + run[0].length === line.length || AFTER_PATH.test(line.charAt(run.index + run[0].length)));
    if (found !== undefined) return normalizePath(found);
  }
  return undefined;
}

function pathInRun(run: string, mayStartAtRunStart: boolean, mayEndAtRunEnd: boolean): string | undefined {
  const ends: { from: number; end: number }[] = [];
  for (const match of run.matchAll(PATH_END)) {
    const end = match.index + match[0].length;
    if (end < run.length || mayEndAtRunEnd) ends.push({ from: match.index, end });
  }
  if (ends.length === 0) return undefined;
  let doubleSlash = run.indexOf('//');
  // Starts: the run's start, then after each `*` (-1 stands for the run's start).
  for (let star = mayStartAtRunStart ? -1 : run.indexOf('*'); star !== -1 || mayStartAtRunStart; star = run.indexOf('*', star + 1)) {
    const start = star + 1;
    if (doubleSlash >= 0 && doubleSlash < start) doubleSlash = run.indexOf('//', start);
    if (run.charAt(start) !== '/') {
      const last = lastEndAtMost(ends, doubleSlash < 0 ? run.length : doubleSlash + 1);
      if (last && last.from >= start) return run.slice(start, last.end);
    }
    mayStartAtRunStart = false;
  }
  return undefined;
}

/** The last of `ends` (ascending) ending at or before `limit`. */
function lastEndAtMost(ends: readonly { from: number; end: number }[], limit: number): { from: number; end: number } | undefined {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ends[middle] as { end: number }).end <= limit) low = middle + 1;
    else high = middle;
  }
  return ends[low - 1];
}

/**
 * The file a block names: its first code line when that is a comment naming a path, else the
 * nearest label among the few lines before its fence. A path in running prose only counts for
 * Python files ("Here is `tap.py`:"), so that a sentence mentioning `config.json` does not turn a
 * Python block into JSON.
 */
export function namedFile(lines: readonly string[], fenceLine: number, firstCodeLine: string | undefined, earliestLine = 0): string | undefined {
  const comment = firstCodeLine === undefined || firstCodeLine.length > MAX_PATH_COMMENT ? undefined : PATH_COMMENT.exec(firstCodeLine);
  const fromComment = comment ? pathIn(` ${comment[1]}`) : undefined;
  if (fromComment) return fromComment;
  for (let row = fenceLine - 1, seen = 0; row >= earliestLine && seen < LOOKBACK; row--) {
    const line = lines[row] ?? '';
    if (!line.trim()) continue;
    seen++;
    if (/^\s*(```|~~~)/.test(line)) break;
    const path = pathIn(line);
    if (path && (LABEL.test(line) || CODE_EXTENSIONS.test(path))) return path;
    // Only the nearest label counts: a heading further up names a section, not this block.
    if (LABEL.test(line)) break;
  }
  return undefined;
}
