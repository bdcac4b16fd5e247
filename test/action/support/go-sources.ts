// Go code for the end-to-end tests: the article's cycle, and code without one.

export const goMod = 'module example.com/widgets\n\ngo 1.22\n';

/** The article's example; FG001 at the SetFinalizer line (10). */
export const cycleMain = `package main
import ("fmt"; "runtime")
type Foo struct{ bar *Bar }
type Bar struct{ foo *Foo }
func main() {
	foo := &Foo{}
	bar := &Bar{}
	foo.bar = bar
	bar.foo = foo
	runtime.SetFinalizer(foo, func(ptr *Foo) { fmt.Println("finalized", ptr) })
}
`;
export const cycleCallLine = 10;

/** A finalizer that can run: nothing points back at the object. */
export const cleanMain = `package main
import ("fmt"; "runtime")
type Foo struct {
	name string
	buf  []byte
}
func main() {
	foo := &Foo{name: "x", buf: make([]byte, 64)}
	runtime.SetFinalizer(foo, func(ptr *Foo) { fmt.Println("finalized", ptr.name) })
}
`;

/** n functions, each with its own foo/bar cycle; the call of function i is at callLine(i). */
export function manyCycles(n: number): { source: string; callLine: (i: number) => number } {
  const head = 'package main\nimport "runtime"\ntype Foo struct{ bar *Bar }\ntype Bar struct{ foo *Foo }\n';
  const body = (i: number) =>
    `func f${i}() {\n\tfoo := &Foo{}\n\tbar := &Bar{}\n\tfoo.bar = bar\n\tbar.foo = foo\n\truntime.SetFinalizer(foo, func(*Foo) {})\n}\n`;
  const source = head + Array.from({ length: n }, (_, i) => body(i)).join('') + 'func main() {}\n';
  return { source, callLine: (i) => 4 + i * 7 + 6 };
}

/** A package main whose own cycle in f<n>() is reported at the SetFinalizer line (13). */
function namedCycle(n: number): string {
  return `package main

import "runtime"

type Foo${n} struct{ bar *Bar${n} }
type Bar${n} struct{ foo *Foo${n} }

func f${n}() {
	foo := &Foo${n}{}
	bar := &Bar${n}{}
	foo.bar = bar
	bar.foo = foo
	runtime.SetFinalizer(foo, func(*Foo${n}) {})
}
`;
}

/**
 * Valid Go whose file names and quoted source try to forge workflow commands
 * and Markdown: every forged piece says FORGED, and the step's own output
 * never starts a command or a property with that word. Nine findings, all
 * FG001 or FG004 errors, one at each hostile file and six in values.go.
 */
export const hostileFiles: Record<string, string> = {
  '::error title=FORGED::a.go': namedCycle(1),
  'b\n::stop-commands::FORGEDTOKEN\n.go': namedCycle(2),
  'c##[warning]FORGED.go': namedCycle(3),
  'values.go': `package main

import "runtime"

type T struct{ n int }
type S string

func values() {
	var t T
	runtime.SetFinalizer((t /*\r\n::error::FORGED comment\r\n*/), func(*T) {})
	runtime.SetFinalizer(S(\`\r\n::add-mask::FORGED\r\n::error::FORGED crlf\`), func(*S) {})
	runtime.SetFinalizer(S(\`\r::warning::FORGED raw\r##[error]FORGED legacy\`), func(*S) {})
	runtime.SetFinalizer(S(\`\r# FORGED heading\r@octocat www.evil.example\`), func(*S) {})
	runtime.SetFinalizer(S("[FORGED](https://evil.example/x) \`\`\` ~~FORGED~~ |"), func(*S) {})
	runtime.SetFinalizer(S("![FORGED](https://evil.example/p.png) <b>FORGED</b>"), func(*S) {})
}

func main() { values(); f1(); f2(); f3() }
`,
};
export const hostileFindings = 9;

/**
 * For the pull request review: a closure that captures its object (FG003,
 * its fix within the call's lines, a comment in them that holds a run of
 * backticks) and the article's cycle (FG001, no fix). reviewedFixed is the
 * next commit: FG003 mended as its fix says, FG001 closed through a composite
 * literal instead of an assignment, every line where it was.
 */
export const reviewed = `package main

import (
	"fmt"
	"runtime"
)

type Foo struct{ bar *Bar }
type Bar struct{ foo *Foo }

type File struct {
	name string
	fd   int
}

func (f *File) close() { f.fd = -1 }

func open(name string) *File {
	f := &File{name: name, fd: 3}
	runtime.SetFinalizer(f, func(p *File) {
		// \`\`\`close\`\`\` it once
		f.close()
	})
	return f
}

func cycle() {
	foo := &Foo{}
	bar := &Bar{}
	foo.bar = bar
	bar.foo = foo
	runtime.SetFinalizer(foo, func(ptr *Foo) { fmt.Println("finalized", ptr) })
}

func main() {
	open("x")
	cycle()
}
`;
export const reviewedFixed = reviewed
  .replace('\t\tf.close()', '\t\tp.close()')
  .replace('\tbar := &Bar{}\n\tfoo.bar = bar\n\tbar.foo = foo', '\tfoo.bar = &Bar{foo: foo}\n\tbar := foo.bar\n\t_ = bar');
/** The lines of the FG003 call and of the FG001 call in both. */
export const reviewedCapture = { start: 20, end: 23 };
export const reviewedCycleLine = 32;
