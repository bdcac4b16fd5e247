// Go releases: what the runtime does with finalizers and cleanups changed
// from release to release (AddCleanup in 1.24, its panics in 1.24 and 1.26),
// so code is analyzed for the release it builds with.

/** A Go release, [major, minor]: [1, 24] is Go 1.24. */
export type GoRelease = readonly [number, number];

/** The newest release the rules know; code that names no release is analyzed for it. */
export const newestGo: GoRelease = [1, 26];

/** The release of "1.24", "1.24.3", "go1.25rc1"; undefined when it names none. */
export function parseGoRelease(version: string | undefined): GoRelease | undefined {
  const match = /^(?:go)?(\d+)\.(\d+)/.exec(version?.trim() ?? '');
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export function releaseAtLeast([major, minor]: GoRelease, [wantMajor, wantMinor]: GoRelease): boolean {
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

/** "Go 1.24". */
export function releaseName(release: GoRelease): string {
  return `Go ${release.join('.')}`;
}
