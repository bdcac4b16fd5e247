// The tool's version, reported by --version and in SARIF, and where its
// repository and rule docs are: package.json's, bundled in.
import packageJson from '../package.json';

export const version: string = packageJson.version;

/** The repository's web address (package.json names it as git+https://.../x.git). */
export const repositoryUrl: string = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** docs/rules.md as released with this version: rules' help links point into it. */
export const rulesDocUrl = `${repositoryUrl}/blob/v${version}/docs/rules.md`;
