/** The tool's version, reported by --version and in SARIF. */
export const version = '0.1.0';
