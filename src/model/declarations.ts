// What a Go file declares at package level, read from its text without
// parsing it: the names of its functions, types, variables and constants,
// and the receiver types of its methods. One pass over the text, as the Go
// scanner splits it, so no input makes it rescan; what is inside brackets
// (bodies, parameter lists, struct types) is skipped character by character.

/** The names a file declares at package level, and the base types of its methods' receivers. */
export interface DeclarationIndex {
  declared: Set<string>;
  receivers: Set<string>;
}

type TokenKind = 'identifier' | 'keyword' | 'literal' | 'operator' | 'end';

const identifierStart = /[\p{L}_]/u;
const identifierPart = /[\p{L}\p{N}_]/u;
/** Keywords after which a line break ends a statement, as Go's semicolon rule says. */
const endingKeywords = new Set(['break', 'continue', 'fallthrough', 'return']);
const keywords = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
  'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
]);
/** Keywords that start a declaration: outside brackets, none can go on a statement. */
const declarationKeywords = new Set(['const', 'import', 'type', 'var']);

const code = (c: string) => c.charCodeAt(0);
const [newline, slash, star, backslash, doubleQuote, singleQuote, backquote] = ['\n', '/', '*', '\\', '"', "'", '`'].map(code) as number[];
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isBlank = (c: number) => c === 32 || c === 9 || c === 13;

/**
 * Go source as tokens, with the line breaks that end a statement (Go's
 * automatic semicolons) and `;` as `end` tokens. Comments are skipped; one
 * that spans lines counts as a line break.
 */
class Scanner {
  private at = 0;
  /** Whether a line break here ends a statement. */
  private ends = false;
  private pushedBack = false;
  kind: TokenKind = 'end';
  text = '';

  constructor(private readonly source: string) {}

  /** Makes the next call of next() give the current token again. */
  pushBack(): void {
    this.pushedBack = true;
  }

  /** Moves to the next token; false at the end of the text. */
  next(): boolean {
    if (this.pushedBack) {
      this.pushedBack = false;
      return true;
    }
    const s = this.source;
    while (this.at < s.length) {
      const c = s.charCodeAt(this.at);
      if (c === newline) {
        this.at++;
        if (this.lineBreak()) return true;
      } else if (isBlank(c)) {
        this.at++;
      } else if (c === slash && s.charCodeAt(this.at + 1) === slash) {
        const end = s.indexOf('\n', this.at);
        this.at = end < 0 ? s.length : end;
      } else if (c === slash && s.charCodeAt(this.at + 1) === star) {
        const end = s.indexOf('*/', this.at + 2);
        const close = end < 0 ? s.length : end + 2;
        const spansLines = s.lastIndexOf('\n', close) >= this.at;
        this.at = close;
        if (spansLines && this.lineBreak()) return true;
      } else {
        return this.token(c);
      }
    }
    return this.lineBreak();
  }

  private lineBreak(): boolean {
    const ends = this.ends;
    this.ends = false;
    if (ends) this.set('end', '\n');
    return ends;
  }

  private set(kind: TokenKind, text: string): true {
    this.kind = kind;
    this.text = text;
    return true;
  }

  private token(c: number): boolean {
    const s = this.source;
    const start = this.at;
    if (c === doubleQuote || c === singleQuote || c === backquote) {
      this.skipQuoted(c);
      this.ends = true;
      return this.set('literal', s.slice(start, start + 1));
    }
    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(start + 1)))) {
      this.at++;
      while (this.at < s.length && this.isNumberPart(s.charCodeAt(this.at))) this.at++;
      this.ends = true;
      return this.set('literal', '0');
    }
    if (isAsciiLetter(c) || (c > 127 && identifierStart.test(this.character()))) {
      while (this.at < s.length) {
        const d = s.charCodeAt(this.at);
        if (isAsciiLetter(d) || isDigit(d)) this.at++;
        else if (d > 127 && identifierPart.test(this.character())) this.at += this.character().length;
        else break;
      }
      const name = s.slice(start, this.at);
      const keyword = keywords.has(name);
      this.ends = !keyword || endingKeywords.has(name);
      return this.set(keyword ? 'keyword' : 'identifier', name);
    }
    const two = s.slice(start, start + 2);
    const op = two === '++' || two === '--' ? two : s[start]!;
    this.at += op.length;
    this.ends = op === '++' || op === '--' || op === ')' || op === ']' || op === '}';
    return op === ';' ? this.set('end', ';') : this.set('operator', op);
  }

  /** `1e+5`, `0x1p-2`, `1_000i`: digits, letters, dots, and a sign after an exponent. */
  private isNumberPart(c: number): boolean {
    if (isAsciiLetter(c) || isDigit(c) || c === 46) return true;
    const previous = this.source.charCodeAt(this.at - 1) | 32;
    return (c === 43 || c === 45) && (previous === 101 || previous === 112);
  }

  /** The whole character at the current place: one outside the BMP is two code units. */
  private character(): string {
    return String.fromCodePoint(this.source.codePointAt(this.at)!);
  }

  /** Past a string, rune or raw string; an interpreted one that is not closed ends with its line. */
  private skipQuoted(quote: number): void {
    const s = this.source;
    if (quote === backquote) {
      const end = s.indexOf('`', this.at + 1);
      this.at = end < 0 ? s.length : end + 1;
      return;
    }
    let i = this.at + 1;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === backslash) i++;
      else if (c === quote) {
        i++;
        break;
      } else if (c === newline) break;
    }
    this.at = i;
  }

  /**
   * Past the bracket the current token opened, to just after the one that
   * closes it, without making tokens of what is inside. Brackets of every
   * kind count alike: code Go accepts closes each with its own kind.
   */
  skipBracket(): void {
    const s = this.source;
    let depth = 1;
    while (this.at < s.length && depth > 0) {
      const c = s.charCodeAt(this.at);
      if (c === slash && s.charCodeAt(this.at + 1) === slash) {
        const end = s.indexOf('\n', this.at);
        this.at = end < 0 ? s.length : end;
      } else if (c === slash && s.charCodeAt(this.at + 1) === star) {
        const end = s.indexOf('*/', this.at + 2);
        this.at = end < 0 ? s.length : end + 2;
      } else if (c === doubleQuote || c === singleQuote || c === backquote) {
        this.skipQuoted(c);
      } else {
        if (c === 40 || c === 91 || c === 123) depth++;
        else if (c === 41 || c === 93 || c === 125) depth--;
        this.at++;
      }
    }
    this.ends = true;
  }
}

const isOpening = (scanner: Scanner) => scanner.kind === 'operator' && (scanner.text === '(' || scanner.text === '[' || scanner.text === '{');

/**
 * The index of one file: only declarations at package level count, so a
 * local variable, a struct field or a parameter never makes a lookup read
 * the file. Grouped specs (`var ( a = 1; b, c int )`) each name theirs.
 */
export function indexDeclarations(text: string): DeclarationIndex {
  const declared = new Set<string>();
  const receivers = new Set<string>();
  const scanner = new Scanner(text);
  const is = (kind: TokenKind, text?: string) => scanner.kind === kind && (text === undefined || scanner.text === text);

  /**
   * Skips the rest of the current statement, the current token included,
   * and stops on the token that ends it: `;`, a line break, or the `)` that
   * closes a group. A declaration keyword cannot go on a statement, so code
   * Go rejects ends before one, as a parser recovers.
   */
  const skipStatement = (): void => {
    for (let first = true; ; first = false) {
      if (is('end') || is('operator', ')')) return;
      if (!first && is('keyword') && declarationKeywords.has(scanner.text)) {
        scanner.pushBack();
        return;
      }
      if (isOpening(scanner)) scanner.skipBracket();
      if (!scanner.next()) return;
    }
  };
  /** The names of one spec, `a`, or `a, b, c` for var and const; stops on the token after them. */
  const specNames = (list: boolean): void => {
    while (is('identifier')) {
      declared.add(scanner.text);
      if (!scanner.next() || !list || !is('operator', ',') || !scanner.next()) return;
    }
  };
  /** The specs of `type`, `var` or `const`, alone or grouped in parentheses. */
  const specs = (list: boolean): void => {
    if (!scanner.next()) return;
    if (!is('operator', '(')) {
      specNames(list);
      skipStatement();
      return;
    }
    while (scanner.next() && !is('operator', ')')) {
      if (is('end')) continue;
      specNames(list);
      skipStatement();
      if (is('operator', ')')) return;
    }
  };
  /** The base type of a receiver, `(l *List[T])` -> List, leaving the scanner after its parenthesis. */
  const receiver = (): void => {
    const names: string[] = [];
    let depth = 1;
    let leading = true;
    while (depth > 0 && scanner.next()) {
      if (is('identifier') && leading) names.push(scanner.text);
      else if (!is('operator', '*') && !is('operator', '(')) leading = false;
      if (isOpening(scanner)) depth++;
      else if (is('operator', ')') || is('operator', ']') || is('operator', '}')) depth--;
      // `(l List)`, `(l *List)`: the type follows the receiver's name.
      if (names.length === 2) leading = false;
    }
    const base = names.at(-1);
    if (base) receivers.add(base);
  };

  while (scanner.next()) {
    if (is('keyword', 'func')) {
      if (!scanner.next()) break;
      if (is('operator', '(')) {
        receiver();
        if (!scanner.next()) break;
      } else if (is('identifier')) {
        declared.add(scanner.text);
        if (!scanner.next()) break;
      }
      skipStatement();
    } else if (is('keyword', 'type') || is('keyword', 'var') || is('keyword', 'const')) {
      specs(!is('keyword', 'type'));
    } else if (!is('end')) {
      skipStatement();
    }
  }
  return { declared, receivers };
}
