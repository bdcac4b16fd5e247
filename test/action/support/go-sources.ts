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
