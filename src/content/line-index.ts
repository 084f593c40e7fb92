/** Turns offsets in a text into 1-based lines and columns, and back, for `path:line:col` messages. */
export class LineIndex {
  readonly #starts: number[] = [0];
  readonly #length: number;
  /** The file line of the text's first line (a body starts after its front-matter). */
  readonly #firstLine: number;

  constructor(text: string, firstLine = 1) {
    for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) this.#starts.push(index + 1);
    this.#length = text.length;
    this.#firstLine = firstLine;
  }

  /** The file line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.#starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: this.#firstLine + low, column: offset - this.#starts[low]! + 1 };
  }

  /** The offset of a file line and column (the end of the text past its last line). */
  offset({ line, column }: { line: number; column: number }): number {
    return (this.#starts[line - this.#firstLine] ?? this.#length) + column - 1;
  }

  /** The offset at which a 0-based line of the text starts (the end of the text past its last line). */
  lineStart(index: number): number {
    return this.#starts[index] ?? this.#length;
  }
}
