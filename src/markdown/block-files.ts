/**
 * Which file of the answer a code block belongs to. Answers name their files in many ways: a
 * heading (`### lib/tap_stack.py`, `## 4. Main program (`__main__.py`)`), a bold or plain label
 * on the line before (`**tests/unit/test_tap_stack.py**`, `=== tap.py ===`, `File: lib\\vpc.py`),
 * or a comment on the block's first line (`# lib/tap_stack.py`). Markdown escapes and Windows
 * separators are undone (`lib\\*\\*init\\*\\*.py` is `lib/__init__.py`).
 */

/** A path with a file extension; `[\w*\\/.-]` keeps Markdown-escaped underscores for `normalizePath`. */
const PATH = /(?:^|[\s`'"(*[:])((?:[\w*\\.-]+[\\/])*[\w*\\.-]*[\w*]\.(?:py|pyi|ts|tsx|js|mjs|json|ya?ml|toml|txt|cfg|ini|sh|md|tf|hcl|env|lock))(?=$|[\s`'"),:*\]])/;
/** A comment that only names a file: `# lib/tap_stack.py`, `# File: tap.py`, `# CORRECTED: tap.py`, `// bin/tap.ts`. */
const PATH_COMMENT = /^\s*(?:#|\/\/)\s*(?:[A-Za-z ]{1,20}:\s*)?(\S+\.\w+)\s*(?:\(.*\))?\s*$/;
/** A line that labels what follows: a heading, a bold line, `File:`, `=== x ===`, a numbered label, or a lone path. */
const LABEL = /^\s*(#{1,6}\s|\*\*|__|=+\s|(?:\d+\.|[-*])\s+\S*[\\/.]|(?:file|path)\s*:|`[^`]+`\s*:?\s*$)/i;
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

function pathIn(line: string): string | undefined {
  const match = PATH.exec(line);
  return match ? normalizePath(match[1] as string) : undefined;
}

/**
 * The file a block names: its first code line when that is a comment naming a path, else the
 * nearest label among the few lines before its fence. A path in running prose only counts for
 * Python files ("Here is `tap.py`:"), so that a sentence mentioning `config.json` does not turn a
 * Python block into JSON.
 */
export function namedFile(lines: readonly string[], fenceLine: number, firstCodeLine: string | undefined, earliestLine = 0): string | undefined {
  const comment = firstCodeLine === undefined ? undefined : PATH_COMMENT.exec(firstCodeLine);
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
