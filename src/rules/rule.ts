// What a rule is: its public identity (ids are a contract: output,
// suppressions, SARIF) and its check over one finalizer or cleanup call.
import type { GoRelease } from '../discover/go-release.js';
import type { Severity } from '../findings.js';
import type { SiteEvaluation, SiteKind } from '../analysis/heap.js';
import type { Interpreter } from '../analysis/interpreter/index.js';
import type { GoFile, GoPackage } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { SourceFix } from '../fix/edit.js';

export interface RuleMeta {
  /** FG001 ... FG009; FG000 is the parse notice. */
  id: string;
  /** kebab-case, e.g. finalizer-cycle. */
  name: string;
  severity: Severity;
  /** One line: what the rule finds. */
  summary: string;
}

/** One call site and every way the interpreter reached it (directly, or inlined into callers). */
export interface Site {
  kind: SiteKind;
  call: SyntaxNode;
  args: SyntaxNode[];
  file: GoFile;
  pkg: GoPackage;
  evaluations: SiteEvaluation[];
  interpreter: Interpreter;
  /** The Go release the call is analyzed for: the go directive's, within the releases its file builds with. */
  go: GoRelease;
}

export interface RelatedNode {
  node: SyntaxNode;
  file: GoFile;
  message: string;
}

export interface Report {
  message: string;
  related: RelatedNode[];
  /** Edits that mend the problem, where they are certainly right. */
  fix?: SourceFix;
}

export interface Rule extends RuleMeta {
  /** Which calls the rule looks at. */
  kinds: SiteKind[];
  /** The runtime dies at the call: other findings at the same call would only distract. */
  fatal?: boolean;
  /** Also checks SetFinalizer(x, nil): the runtime checks the object before it looks at the finalizer. */
  checksRemoval?: boolean;
  check(site: Site): Report | undefined;
}

/** A finding a package rule makes at any node of the package, not at a call site. */
export interface PackageReport extends Report {
  node: SyntaxNode;
  file: GoFile;
}

/** A rule over a whole package once its calls are interpreted: it reports at other code than the sites, such as the calls that use what a finalizer releases. */
export interface PackageRule extends RuleMeta {
  /** `reportsIn`: the files whose code it may report (the test files, when the package is analyzed again with its tests). */
  checkPackage(pkg: GoPackage, sites: Site[], reportsIn: (file: GoFile) => boolean): PackageReport[];
}
