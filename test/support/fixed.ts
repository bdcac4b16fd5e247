// A fixture's fixed program: the fixture with each `<file>.go.golden` in
// place of its `<file>.go`, as the fixes the engine offers should make it.
import { cpSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture } from './wants.js';

export const GOLDEN_SUFFIX = '.golden';

/** The golden files of a fixture's package, by the name of the file each replaces ("main.go"). */
export function goldenFiles(fixture: Fixture): string[] {
  return readdirSync(fixture.dir)
    .filter((name) => name.endsWith('.go' + GOLDEN_SUFFIX))
    .map((name) => name.slice(0, -GOLDEN_SUFFIX.length))
    .sort();
}

/** Copies the fixture to `dest` with its golden files in place of the files they fix. */
export function copyFixed(fixture: Fixture, dest: string): void {
  cpSync(fixture.dir, dest, { recursive: true });
  for (const file of goldenFiles(fixture)) renameSync(join(dest, file + GOLDEN_SUFFIX), join(dest, file));
}
