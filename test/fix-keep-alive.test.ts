// FG009's fix on the shapes of code around the call: where runtime.KeepAlive
// goes, how the runtime package gets imported, and where no fix is offered.
// Each fixed file must be what gofmt writes and must build (`go vet` when a
// Go toolchain is installed).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';
import { planFixes } from '../src/fix/apply.js';
import { planOracle } from './support/go-oracle.js';

const scratch = mkdtempSync(join(tmpdir(), 'fg-keepalive-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const newest = planOracle().toolchains.at(-1);
const goroot = newest && spawnSync(newest.command, ['env', 'GOROOT'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' } }).stdout.trim();

// The finalizer, in a file of its own: it closes f.d.
const finalizerFile = `package p

import (
	"runtime"
	"syscall"
)

type File struct {
	d    int
	name string
}

func Open(d int) *File {
	f := &File{d: d}
	runtime.SetFinalizer(f, func(f *File) { syscall.Close(f.d) })
	return f
}
`;

let packages = 0;
/** The fixed read.go of a package made of the finalizer file and `read`, or undefined when FG009's finding has no fix. */
async function fixed(read: string): Promise<string | undefined> {
  const dir = join(scratch, `p${packages++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'go.mod'), 'module example.com/p\n\ngo 1.21\n');
  writeFileSync(join(dir, 'file.go'), finalizerFile);
  writeFileSync(join(dir, 'read.go'), read);
  const { findings } = await analyze([dir], { root: dir });
  const early = findings.filter((f) => f.ruleId === 'FG009');
  expect(early, 'one FG009 finding').toHaveLength(1);
  const plan = planFixes(early, (path) => readFileSync(join(dir, path)));
  const after = plan.changes[0]?.after.toString('utf8');
  if (after === undefined) return undefined;
  writeFileSync(join(dir, 'read.go'), after);
  if (goroot) {
    const gofmt = spawnSync(join(goroot, 'bin', 'gofmt'), ['-l', dir], { encoding: 'utf8' });
    expect(gofmt.stdout + gofmt.stderr, 'gofmt has nothing to change').toBe('');
    const vet = spawnSync(join(goroot, 'bin', 'go'), ['vet', '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '', GOPROXY: 'off' } });
    expect(vet.stderr, 'the fixed package builds').toBe('');
  }
  return after;
}

describe('FG009 fix: runtime.KeepAlive after the call', () => {
  it('goes on the line after the statement; "runtime" joins an import list in sorted place', async () => {
    const after = await fixed(`package p

import (
	"fmt"
	"syscall"
)

func (f *File) Read(buf []byte) (int, error) {
	n, err := syscall.Read(f.d, buf) // the read
	fmt.Println(n)
	return n, err
}
`);
    expect(after).toBe(`package p

import (
	"fmt"
	"runtime"
	"syscall"
)

func (f *File) Read(buf []byte) (int, error) {
	n, err := syscall.Read(f.d, buf) // the read
	runtime.KeepAlive(f)
	fmt.Println(n)
	return n, err
}
`);
  });

  it('a return gets a deferred KeepAlive before it; "runtime" goes into the first run of the list only', async () => {
    const after = await fixed(`package p

import (
	"syscall"

	"unsafe"
)

var _ unsafe.Pointer

func (f *File) Read(buf []byte) (int, error) {
	return syscall.Read(f.d, buf)
}
`);
    expect(after).toContain(`import (\n\t"runtime"\n\t"syscall"\n\n\t"unsafe"\n)`);
    expect(after).toContain(`\tdefer runtime.KeepAlive(f)\n\treturn syscall.Read(f.d, buf)\n`);
  });

  it('a single import becomes a list with "runtime"', async () => {
    const after = await fixed(`package p

import "syscall"

func (f *File) Read(buf []byte) (int, error) {
	return syscall.Read(f.d, buf)
}
`);
    expect(after).toContain(`import (\n\t"runtime"\n\t"syscall"\n)\n`);
  });

  it('uses the name the file imports the runtime package as', async () => {
    const after = await fixed(`package p

import (
	rt "runtime"
	"syscall"
)

var _ = rt.GOOS

func (f *File) Read(buf []byte) (int, error) {
	return syscall.Read(f.d, buf)
}
`);
    expect(after).toContain('\tdefer rt.KeepAlive(f)\n');
  });

  it('offers none for a call in an if header, a local named runtime, or an import list with comments', async () => {
    const bodies = [
      `import "syscall"

func (f *File) Read(buf []byte) (int, error) {
	if n, err := syscall.Read(f.d, buf); err != nil {
		return n, err
	}
	return 0, nil
}
`,
      `import "syscall"

func (f *File) Read(buf []byte) (int, error) {
	runtime := len(buf)
	return syscall.Read(f.d, buf[:runtime])
}
`,
      `import (
	// reads
	"syscall"
)

func (f *File) Read(buf []byte) (int, error) {
	return syscall.Read(f.d, buf)
}
`,
    ];
    for (const body of bodies) expect(await fixed(`package p\n\n${body}`), body).toBeUndefined();
  });
});
