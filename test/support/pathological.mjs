// Valid Go packages of hostile shapes: nesting deep enough to overflow a
// recursive walk, and inputs on which a careless algorithm goes quadratic or
// exponential. test/pathological.test.ts runs them scaled down and counts
// work; scripts/bench.mjs times them at full size. `scale` 1 is full size.

const header = 'package p\n\nimport "runtime"\n\n';
const repeat = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');
/** At least 1, and at least `min` when the full size is above it. */
const scaled = (full, scale, min = 1) => Math.max(Math.min(full, min), Math.round(full * scale));

/** A function that sets one finalizer, so the package is analyzed. */
const finalized = 'type T struct{ next *T }\n\nfunc setUp() {\n\tx := &T{}\n\truntime.SetFinalizer(x, func(*T) {})\n}\n';

/** Inputs whose nesting no recursive walk survives; each is as deep as `depth`. */
export function deepInputs(depth) {
  const inSetUp = (body) => `${header}type T struct{ next *T; n int }\n\nfunc setUp(c bool) {\n\tx := &T{}\n${body}\n\truntime.SetFinalizer(x, func(*T) {})\n}\n`;
  return {
    'func-literals': inSetUp(`\t_ = ${repeat(depth, () => 'func() { _ = ')}x${'}'.repeat(depth)}`),
    ifs: inSetUp(`${repeat(depth, () => 'if c {\n')}x.n++\n${'}\n'.repeat(depth)}`),
    blocks: inSetUp(`${'{\n'.repeat(depth)}x.n++\n${'}\n'.repeat(depth)}`),
    'composite-literals': inSetUp(`\t_ = [][]any${repeat(depth, () => '{[]any')}{x}${'}'.repeat(depth)}`),
    // The store after the literal links an existing value into x, which a package-level variable keeps, as FG002 needs before it warns of the type's loop.
    'elided-literals': inSetUp(`\t_ = ${'[]'.repeat(depth)}*T${'{'.repeat(depth)}${'}'.repeat(depth)}\n\tx.next = last\n\tlast = x`) + 'var last *T\n',
    calls: inSetUp(`\t_ = ${repeat(depth, () => 'id(')}x${')'.repeat(depth)}`) + 'func id(t *T) *T { return t }\n',
    selectors: inSetUp(`\t_ = x${'.next'.repeat(depth)}`),
    pointers: inSetUp(`\tvar y ${'*'.repeat(depth)}T\n\t_ = y\n\tx.next = last\n\tlast = x`) + 'var last *T\n',
    parentheses: inSetUp(`\t_ = ${'('.repeat(depth)}x${')'.repeat(depth)}`),
    'binary-chain': inSetUp(`\t_ = x.n${' + x.n'.repeat(depth)}`),
    'go-build': `//go:build ${'('.repeat(depth)}linux${')'.repeat(depth)} && ${'!('.repeat(depth)}windows${')'.repeat(depth)}\n\n${header}${finalized}`,
    'variable-chain': `${header}${repeat(depth, (i) => `var v${i} = v${i + 1}\n`)}var v${depth} = &T{}\n\n${finalized.replace('x := &T{}', 'x := v0')}`,
    // wire links existing values along the whole loop, as FG002 needs before it warns.
    'type-chain':
      `${header}${repeat(depth, (i) => `type S${i} struct{ a *S${i + 1} }\n`)}type S${depth} struct{ a *S0 }\n\nfunc setUp() {\n\tx := &S0{}\n\truntime.SetFinalizer(x, func(*S0) {})\n}\n` +
      `\nfunc wire(${repeat(depth + 1, (i) => `${i ? ', ' : ''}v${i} *S${i}`)}) {\n${repeat(depth + 1, (i) => `\tv${i}.a = v${(i + 1) % (depth + 1)}\n`)}}\n`,
    'value-type-chain': `${header}${repeat(depth, (i) => `type S${i} struct{ a S${i + 1} }\n`)}type S${depth} struct{ n int }\n\nfunc setUp() {\n\tx := &S0{}\n\truntime.SetFinalizer(x, func(*S0) {})\n}\n`,
    'alias-chain': `${header}${repeat(depth, (i) => `type S${i} = S${i + 1}\n`)}type S${depth} struct{ n int; next *S0 }\n\nfunc setUp() {\n\tx := &S0{}\n\truntime.SetFinalizer(x, func(*S0) {})\n}\n`,
  };
}

/** Code Go rejects, which must still end in a notice rather than a crash. */
export function rejectedInputs() {
  return {
    'initialization-cycle': `${header}var a = b\nvar b = a\n\n${finalized.replace('x := &T{}', 'x := &T{}\n\t_ = a')}`,
    'type-contains-itself': `${header}type A [2]A\n\nfunc setUp() {\n\tx := &A{}\n\truntime.SetFinalizer(x, func(*A) {})\n}\n`,
    'struct-contains-itself': `${header}type A struct{ b B }\ntype B struct{ a A }\n\nfunc setUp() {\n\tx := &A{}\n\truntime.SetFinalizer(x, func(*A) {})\n}\n`,
    'double-negation-build': `//go:build !!linux\n\n${header}${finalized}`,
    'deep-syntax-error': `${header}${finalized}\nfunc broken() {\n\t_ = ${'('.repeat(5000)}\n}\n`,
  };
}

/** Go files of an ordinary package: types, methods, loops; `index` makes names unique. */
function plainFile(pkg, index) {
  const name = `Item${index}`;
  return (
    `package ${pkg}\n\nimport "strings"\n\n// ${name} is a record of the service.\ntype ${name} struct {\n\tname  string\n\tcount int\n\tbyKey map[string]*${name}\n\tnext  *${name}\n}\n\n` +
    `func New${name}(name string) *${name} {\n\treturn &${name}{name: name, byKey: map[string]*${name}{}}\n}\n\n` +
    `func (x *${name}) Add(keys []string) int {\n\ttotal := 0\n\tfor _, k := range keys {\n\t\tif strings.HasPrefix(k, "-") {\n\t\t\tcontinue\n\t\t}\n` +
    `\t\tchild, ok := x.byKey[k]\n\t\tif !ok {\n\t\t\tchild = New${name}(k)\n\t\t\tx.byKey[k] = child\n\t\t}\n\t\tchild.count++\n\t\ttotal += child.count\n\t\terr := check(child)\n\t\tif err != nil {\n\t\t\treturn total\n\t\t}\n\t}\n\treturn total\n}\n`
  );
}

/**
 * The super-linear shapes, each a package (file name -> text); sizes are
 * those the shape was first measured at, times `scale`.
 */
export function slowInputs(scale = 1) {
  const inputs = {};

  // Value structs nested in one another: a layout that computes a field twice per level is exponential.
  const levels = scaled(27, scale, 12);
  inputs['nested-value-structs'] = {
    'p.go':
      `${header}type S0 struct{ a, b int8 }\n${repeat(levels - 1, (i) => `type S${i + 1} struct {\n\ta S${i}\n\tb S${i}\n}\n`)}\n` +
      `func setUp() {\n\tx := &S${levels - 1}{}\n\truntime.SetFinalizer(x, func(*S${levels - 1}) {})\n}\n`,
  };

  // A comment full of `func(` that never closes: a pattern that scans ahead for `)` rescans to the end per match.
  const opens = scaled(200_000, scale);
  inputs['unclosed-func-comment'] = {
    'a.go': `${header}func setUp() {\n\tx := &T{}\n\truntime.SetFinalizer(x, func(*T) {})\n}\n`,
    'b.go': `package p\n\n/*\n${'func('.repeat(opens)}\n*/\n\ntype T struct{ next *T }\n`,
  };

  // Many package variables, and many objects the finalized variable may hold.
  const many = scaled(600, scale, 20);
  inputs['variables-times-objects'] = {
    'p.go':
      `${header}type T struct{ next *T }\n\n${repeat(many, (i) => `var g${i} *T\n`)}\n` +
      `func setUp(c bool) {\n${repeat(many, (i) => `\tg${i} = &T{}\n`)}${repeat(many, (i) => `\ta${i} := &T{}\n`)}\tvar x *T\n` +
      `${repeat(many, (i) => `\tif c {\n\t\tx = a${i}\n\t}\n`)}\truntime.SetFinalizer(x, func(*T) {})\n}\n`,
  };

  // Very many call sites in one package.
  const sites = scaled(40_000, scale, 100);
  inputs['many-sites'] = {
    'p.go': `${header}type T struct{ next *T; n int }\n\n${repeat(sites, (i) => `func f${i}() {\n\tx := &T{n: ${i}}\n\truntime.SetFinalizer(x, func(*T) {})\n}\n\n`)}`,
  };

  // Every type embeds every later one: promoted-member search without a visited set fans out.
  const types = scaled(40, scale, 8);
  inputs['embedding-fan-out'] = {
    'p.go':
      `${header}${repeat(types, (i) => `type E${i} struct {\n${repeat(types - i - 1, (j) => `\tE${i + j + 1}\n`)}\tv${i} int\n}\n\n`)}` +
      `func setUp(x *E0) {\n\t_ = x.missing\n\t_ = x.v${types - 1}\n\truntime.SetFinalizer(x, func(*E0) {})\n}\n`,
  };

  // One slice literal of very many elided elements, each added to the same slot.
  const elements = scaled(100_000, scale, 100);
  inputs['elided-elements'] = {
    'p.go': `${header}type T struct{ n int }\n\nfunc setUp() {\n\tall := []*T{\n${'\t\t{},\n'.repeat(elements)}\t}\n\truntime.SetFinalizer(all[0], func(*T) {})\n}\n`,
  };

  // A timer that re-arms itself, its callback holding very many objects, and a finalized argument that may be any of very many others: a search from the timer for each of those objects is quadratic.
  const held = scaled(50_000, scale, 100);
  inputs['rearmed-timer'] = {
    'p.go':
      'package p\n\nimport (\n\t"runtime"\n\t"time"\n)\n\ntype T struct {\n\tn    int\n\tnext *T\n}\n\n' +
      `func setUp() {\n\tkept := []*T{\n${'\t\t{},\n'.repeat(held)}\t}\n\tall := []*T{\n${'\t\t{},\n'.repeat(held)}\t}\n` +
      '\tvar t *time.Timer\n\tt = time.AfterFunc(time.Second, func() {\n\t\t_ = kept\n\t\tt.Reset(time.Second)\n\t})\n\truntime.SetFinalizer(all[0], func(*T) {})\n}\n',
  };

  // A package of very many files, one of which sets a finalizer.
  const files = scaled(5_000, scale, 20);
  const pkg = {};
  for (let i = 0; i < files; i++) pkg[`f${String(i).padStart(5, '0')}.go`] = plainFile('p', i);
  pkg['check.go'] = 'package p\n\nimport "errors"\n\nfunc check(x *Item0) error {\n\tif x == nil {\n\t\treturn errors.New("nil")\n\t}\n\treturn nil\n}\n';
  pkg['set.go'] = `${header}func setUp() *Item0 {\n\tx := NewItem0("a")\n\truntime.SetFinalizer(x, func(*Item0) {})\n\treturn x\n}\n`;
  inputs['many-files'] = pkg;

  // A reference cycle, and very many files whose code removes references of their own types: only code that can hold the cycle's objects can open it.
  const removers = scaled(5_000, scale, 20);
  const cyclePkg = {};
  for (let i = 0; i < removers; i++) {
    cyclePkg[`r${String(i).padStart(5, '0')}.go`] = plainFile('p', i).replace(/\n\treturn total\n}\n$/, `\n\tx.next = nil\n\tdelete(x.byKey, "")\n\treturn total\n}\n`);
  }
  cyclePkg['check.go'] = 'package p\n\nimport "errors"\n\nfunc check(x *Item0) error {\n\tif x == nil {\n\t\treturn errors.New("nil")\n\t}\n\treturn nil\n}\n';
  cyclePkg['pool.go'] =
    `${header}type Pool struct{ conns []*Conn }\n\ntype Conn struct {\n\tpool *Pool\n\tfd   int\n}\n\n` +
    'func (p *Pool) Open(fd int) *Conn {\n\tc := &Conn{pool: p, fd: fd}\n\tp.conns = append(p.conns, c)\n\truntime.SetFinalizer(c, func(*Conn) {})\n\treturn c\n}\n';
  inputs['cycle-among-removers'] = cyclePkg;

  // A finalized handle that points into a web of linked nodes that never points back to it: every function linking nodes could only matter to a loop through the handle.
  const linkers = scaled(2_000, scale, 20);
  inputs['links-that-never-lead-back'] = {
    'handle.go': `${header}type Handle struct{ list *List }\n\nfunc NewHandle(l *List) *Handle {\n\th := &Handle{list: l}\n\truntime.SetFinalizer(h, func(*Handle) {})\n\treturn h\n}\n`,
    'list.go':
      'package p\n\ntype List struct {\n\thead *Node\n\tnodes []*Node\n}\n\ntype Node struct {\n\tnext *Node\n\tlist *List\n}\n\n' +
      repeat(linkers, (i) => `func link${i}(l *List, n *Node) {\n\tn.next = l.head\n\tn.list = l\n\tl.head = n\n\tl.nodes = append(l.nodes, n)\n}\n\n`),
  };

  // A database's Open: a long function of branches and calls into helpers that call one another, and a wrapper around SetFinalizer.
  const helpers = scaled(120, scale, 10);
  const steps = scaled(250, scale, 20);
  inputs['long-open'] = {
    'db.go':
      `${header}import "errors"\n\ntype DB struct {\n\tconns []*Conn\n\tbyName map[string]*Conn\n\tparent *DB\n\topts *Options\n}\n\n` +
      'type Conn struct {\n\tdb *DB\n\tnext *Conn\n\tbuf []byte\n}\n\ntype Options struct {\n\tname string\n\tsize int\n}\n\n' +
      'func setFinalizer(obj any, fn any) { runtime.SetFinalizer(obj, fn) }\n\n' +
      repeat(helpers, (i) =>
        `func (db *DB) step${i}(c *Conn, o *Options) (*Conn, error) {\n\tif o.size > ${i} {\n\t\tc.next = &Conn{db: db}\n\t\tdb.conns = append(db.conns, c.next)\n\t}\n` +
        `\tfor k, v := range db.byName {\n\t\tif k == o.name {\n\t\t\tc = v\n\t\t}\n\t}\n` +
        `\tif c == nil {\n\t\treturn nil, errors.New("none")\n\t}\n` +
        `\tn, err := db.step${(i * 7 + 3) % helpers}(c, o)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tm, err := db.step${(i * 13 + 5) % helpers}(n, o)\n\tif err != nil {\n\t\treturn n, err\n\t}\n\tdb.byName[o.name] = m\n\treturn m, nil\n}\n\n`,
      ) +
      `func Open(o *Options) (*DB, error) {\n\tdb := &DB{byName: map[string]*Conn{}, opts: o}\n\tc := &Conn{db: db}\n\tvar err error\n` +
      repeat(steps, (i) => `\tif c, err = db.step${i % helpers}(c, o); err != nil {\n\t\treturn nil, err\n\t}\n`) +
      '\tsetFinalizer(db, func(d *DB) { d.conns = nil })\n\treturn db, nil\n}\n',
  };

  return inputs;
}

/**
 * A finalized holder of `elements` objects, given its finalizer through a
 * helper called `calls` times: the rules search the whole holder once for
 * each call that reaches the finalizer, and so read about `elements` times
 * `calls` references for one site.
 */
export function searchedHolder(elements, calls) {
  return {
    'p.go':
      `${header}type T struct{ n int }\n\ntype H struct{ all []*T }\n\nfunc set(h *H) {\n\truntime.SetFinalizer(h, func(*H) {})\n}\n\n` +
      `func setUp() {\n\th := &H{all: []*T{\n${'\t\t{},\n'.repeat(elements)}\t}}\n${'\tset(h)\n'.repeat(calls)}}\n`,
  };
}
