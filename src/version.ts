// The tool's version, reported by --version and in SARIF: package.json's, bundled in.
import packageJson from '../package.json';

export const version: string = packageJson.version;
