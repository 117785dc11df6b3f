/**
 * Names of a tree-sitter grammar's node types and fields, as the native addon reports them,
 * numbered densely so per-type tables are small arrays.
 */
import { ERROR_SYMBOL } from './flat-records.js';

/** Names of a grammar's symbols and fields, numbered as in the records. */
export class GrammarNames {
  /** Symbol id -> dense type number (symbols sharing a name, such as aliases, share one). */
  private readonly typeNumberOfSymbol: Int32Array;
  private readonly typeNames: string[] = [];
  private readonly typeNumberOfName = new Map<string, number>();
  private readonly fieldIdOfName = new Map<string, number>();

  constructor(symbolNames: readonly string[], readonly fieldNames: readonly (string | undefined)[]) {
    this.typeNumberOfSymbol = new Int32Array(symbolNames.length);
    symbolNames.forEach((name, symbol) => (this.typeNumberOfSymbol[symbol] = this.typeNumber(name)));
    this.typeNumber('ERROR');
    fieldNames.forEach((name, id) => name && this.fieldIdOfName.set(name, id));
  }

  private typeNumber(name: string): number {
    let number = this.typeNumberOfName.get(name);
    if (number === undefined) {
      number = this.typeNames.length;
      this.typeNames.push(name);
      this.typeNumberOfName.set(name, number);
    }
    return number;
  }

  get typeCount(): number {
    return this.typeNames.length;
  }

  /** The type number of every record's symbol. */
  typeNumbers(records: Int32Array, stride: number, symbolField: number): Uint16Array {
    const bySymbol = this.typeNumberOfSymbol;
    const error = this.typeNumberOfName.get('ERROR') as number;
    const types = new Uint16Array(records.length / stride);
    for (let index = 0, at = symbolField; index < types.length; index++, at += stride) {
      const symbol = records[at] as number;
      types[index] = symbol === ERROR_SYMBOL ? error : (bySymbol[symbol] ?? 0);
    }
    return types;
  }

  typeNumberNamed(name: string): number | undefined {
    return this.typeNumberOfName.get(name);
  }

  typeName(typeNumber: number): string {
    return this.typeNames[typeNumber] ?? '';
  }

  fieldId(name: string): number | undefined {
    return this.fieldIdOfName.get(name);
  }
}

