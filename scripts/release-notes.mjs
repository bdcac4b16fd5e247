// Prints the release notes of a version tag from CHANGELOG.md: the section
// under "## X.Y.Z". Refuses a tag that is not vX.Y.Z, one that differs from
// package.json's version, and a version the changelog has no section for.
//   node scripts/release-notes.mjs v1.2.3 > notes.md
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`release-notes: ${message}`);
  process.exit(1);
}

const tag = process.argv[2] ?? '';
const version = /^v(\d+\.\d+\.\d+)$/.exec(tag)?.[1];
if (!version) fail(`the tag must look like v1.2.3, not "${tag}"`);
const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
if (version !== packageVersion) fail(`the tag ${tag} is not package.json's version ${packageVersion}`);

const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
const lines = changelog.split('\n');
const start = lines.findIndex((line) => line === `## ${version}` || line.startsWith(`## ${version} `));
if (start < 0) fail(`CHANGELOG.md has no "## ${version}" section`);
const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
const notes = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
if (!notes) fail(`the "## ${version}" section of CHANGELOG.md is empty`);
process.stdout.write(notes + '\n');
