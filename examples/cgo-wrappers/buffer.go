// Package cgowrappers shows the ways a finalizer can fail to free what it
// guards. Run finalizer-guard over it to see each one reported.
package cgowrappers

import (
	"os"
	"runtime"
)

// Buffer stands for memory allocated outside Go (C.malloc in real code).
type Buffer struct {
	addr uintptr
	pool *Pool
}

// Pool keeps its buffers, and each buffer knows its pool: a cycle.
type Pool struct {
	buffers []*Buffer
}

func release(b *Buffer) { b.addr = 0 }

// Get hands out a buffer registered with the pool; its finalizer never runs.
func (p *Pool) Get() *Buffer {
	b := &Buffer{pool: p}
	p.buffers = append(p.buffers, b)
	runtime.SetFinalizer(b, release)
	return b
}

// Handle wraps a file descriptor.
type Handle struct {
	fd int
}

// Open sets a finalizer whose closure captures the handle itself.
func Open(fd int) *Handle {
	h := &Handle{fd: fd}
	runtime.SetFinalizer(h, func(*Handle) { os.NewFile(uintptr(h.fd), "").Close() })
	return h
}

// CString is the article's first example: it passes a struct value.
type CString struct {
	cpointer uintptr
}

func Allocate() CString {
	str := CString{cpointer: 1}
	runtime.SetFinalizer(str, func(ptr *CString) { ptr.cpointer = 0 })
	return str
}

// File follows os.newFile: the finalizer sits on an inner handle that no
// cycle reaches, so it runs. Nothing is reported here.
type File struct {
	*file
}

type file struct {
	fd   int
	name string
}

func (f *file) close() error { f.fd = -1; return nil }

func NewFile(fd int, name string) *File {
	f := &File{&file{fd: fd, name: name}}
	runtime.SetFinalizer(f.file, (*file).close)
	return f
}
