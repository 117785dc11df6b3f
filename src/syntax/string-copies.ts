/**
 * Copies of strings that outlive the file they were read from. A substring of 13 or more code
 * units is a slice that keeps its whole parent text alive: a finding, a fact or an import table
 * kept for the whole review must hold copies, or it pins every file's text it names.
 */

/**
 * A flat copy of a (possibly sliced) string: a slice keeps its whole parent text alive, and a
 * fact kept for the whole review must not pin the file it came from.
 */
export function copyOf(text: string): string {
  // V8 copies substrings shorter than 13 code units; for longer ones, slicing a fresh
  // concatenation flattens it into a new string of its own (every code unit kept as is).
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * `copyOf` for a fact kept for the whole review: its own string fields, strings in arrays and
 * two levels of nested plain objects (a region mention's resource and its provider).
 */
export function withCopiedStrings<T extends object>(fact: T): T {
  const record = fact as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) record[key] = copied(value, 2);
  return fact;
}

function copied(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return copyOf(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? copyOf(item) : item));
  if (depth > 0 && value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(record)) record[key] = copied(item, depth - 1);
  }
  return value;
}
