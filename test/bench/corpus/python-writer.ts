/**
 * `Code`: the line-based Python emitter every file renderer and resource section writes into.
 */

/** Line-based Python emitter with indentation. */
export class Code {
  private readonly lines: string[] = [];
  private depth = 0;
  length = 0;

  line(text = ''): this {
    const line = text ? '    '.repeat(this.depth) + text : '';
    this.lines.push(line);
    this.length += line.length + 1;
    return this;
  }

  many(texts: readonly string[]): this {
    for (const text of texts) this.line(text);
    return this;
  }

  in(): this {
    this.depth++;
    return this;
  }

  out(): this {
    this.depth = Math.max(0, this.depth - 1);
    return this;
  }

  get level(): number {
    return this.depth;
  }

  set level(value: number) {
    this.depth = value;
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }
}
