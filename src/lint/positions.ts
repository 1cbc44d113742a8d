import { type ScanToken, scan } from "libpg-query";

/**
 * Maps the byte offsets libpg-query reports (parse-node locations, scanner tokens) to 1-based line and
 * column (in characters) of the script, and finds where each statement's first real token is, past any
 * comments that precede it.
 */
export class ScriptPositions {
  private readonly bytes: Buffer;
  private readonly lineStarts: number[];
  /** Byte offset of each character index; undefined while the script is ASCII (they are equal). */
  private readonly charToByte: Uint32Array | undefined;

  private constructor(
    script: string,
    private readonly tokens: readonly ScanToken[],
  ) {
    this.bytes = Buffer.from(script, "utf8");
    this.lineStarts = [0];
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] === 0x0a) this.lineStarts.push(i + 1);
    this.charToByte = this.bytes.length === script.length ? undefined : charByteOffsets(script);
  }

  /** The scanner is PostgreSQL's own lexer; a script that parsed also scans. */
  static async of(script: string): Promise<ScriptPositions> {
    return new ScriptPositions(script, (await scan(script)).tokens);
  }

  /** Line and column only, for a script the scanner rejects. */
  static withoutTokens(script: string): ScriptPositions {
    return new ScriptPositions(script, []);
  }

  lineColumn(byteOffset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= byteOffset) low = middle;
      else high = middle - 1;
    }
    const lineStart = this.lineStarts[low]!;
    const column = this.bytes.subarray(lineStart, byteOffset).toString("utf8").length + 1;
    return { line: low + 1, column };
  }

  /** Byte offset of the first non-comment token at or after `byteOffset`. */
  firstTokenFrom(byteOffset: number): number {
    for (let i = this.firstTokenIndex(byteOffset); i < this.tokens.length; i++) {
      const token = this.tokens[i]!;
      if (token.tokenName !== "SQL_COMMENT" && token.tokenName !== "C_COMMENT") return token.start;
    }
    return byteOffset;
  }

  /** The tokens that start in [fromByte, toByte). */
  tokensBetween(fromByte: number, toByte: number): readonly ScanToken[] {
    return this.tokens.slice(this.firstTokenIndex(fromByte), this.firstTokenIndex(toByte));
  }

  private firstTokenIndex(byteOffset: number): number {
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.tokens[middle]!.start < byteOffset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  byteOffsetOfChar(charIndex: number): number {
    return this.charToByte ? this.charToByte[charIndex]! : charIndex;
  }

  text(fromByte: number, toByte: number): string {
    return this.bytes.subarray(fromByte, toByte).toString("utf8");
  }
}

function charByteOffsets(script: string): Uint32Array {
  const offsets = new Uint32Array(script.length + 1);
  let bytes = 0;
  for (let i = 0; i < script.length; i++) {
    offsets[i] = bytes;
    const code = script.charCodeAt(i);
    // UTF-16 surrogate pairs are one 4-byte character: 4 bytes on the high half, none on the low half.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : 3;
  }
  offsets[script.length] = bytes;
  return offsets;
}
