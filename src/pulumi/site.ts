/**
 * Where something of the program model is written: a range of a unit's text. The model outlives
 * the syntax trees it was built from, so a site keeps offsets, not nodes, and works out its file
 * span (1-based, as findings use) only when a rule reports on it.
 */
import type { Span } from '../syntax/positions.js';

/** The unit a site lies in: enough to map its offsets into the containing file. */
export interface SiteSource {
  /** Path of the containing file. */
  readonly path: string;
  /** 0-based line of the file where the unit's first line sits (a Markdown block), and columns added to each line. */
  readonly lineOffset: number;
  readonly columnOffset: number;
  /** Start offset of every line of the unit's text. */
  readonly lineStarts: Int32Array;
  /** The unit's text (read on demand: it may be kept deflated between reads). */
  text(): string;
}

/** True when both are the same range of the same unit. */
export function sameSite(a: Site | undefined, b: Site | undefined): boolean {
  return a !== undefined && b !== undefined && a.source === b.source && a.start === b.start && a.end === b.end;
}

export class Site {
  constructor(
    readonly source: SiteSource,
    /** Offsets in the unit's text (UTF-16 code units), end exclusive. */
    readonly start: number,
    readonly end: number,
  ) {}

  get path(): string {
    return this.source.path;
  }

  /** The source text at the site. */
  get text(): string {
    return this.source.text().slice(this.start, this.end);
  }

  get span(): Span {
    const start = this.point(this.start);
    const end = this.point(this.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  /** 1-based line of the site's start in its file. */
  get line(): number {
    return this.point(this.start).line;
  }

  private point(offset: number): { line: number; column: number } {
    const starts = this.source.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: this.source.lineOffset + low + 1, column: this.source.columnOffset + offset - (starts[low] as number) + 1 };
  }
}

/** A key for a site: its file, unit and offsets. */
export function siteKey(site: Site): string {
  return `${site.path}:${site.source.lineOffset}:${site.source.columnOffset}:${site.start}:${site.end}`;
}

/**
 * Entries grouped by the site they point at and a topic: code written once and evaluated several
 * times (a loop over ports, a helper called twice) is reported once per position, naming
 * everything that position stands for.
 */
export class BySite<E> {
  private readonly entries = new Map<string, E>();

  /** The entry for a site and topic, made on first use. */
  at(site: Site | undefined, topic: string, make: () => E): E {
    const key = site ? `${siteKey(site)}:${topic}` : `-:${topic}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = make();
      this.entries.set(key, entry);
    }
    return entry;
  }

  values(): IterableIterator<E> {
    return this.entries.values();
  }
}
