// Wrappers that pass their parameters on to runtime.SetFinalizer: the finding
// is at the wrapper's call, and every report names the calls down to the
// runtime's. The labels themselves are checked by the fixture and oracle tests.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';
import { formatJson } from '../src/report/json.js';
import { toSarif } from '../src/report/sarif.js';
import { formatText } from '../src/report/text.js';
import { toCheckAnnotation } from '../src/report/checkrun.js';
import { ruleCatalog } from '../src/rules/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

async function findingsOf(name: string) {
  const dir = fixture(name);
  return (await analyze([dir], { root: dir })).findings;
}

describe('wrappers of runtime.SetFinalizer', () => {
  it('reports at the outermost wrapper call, with each call down to the runtime as related locations', async () => {
    const [finding, ...rest] = await findingsOf('fg001_wrapper_method_of_wrapper');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'FG001', path: 'main.go', line: 31 });
    const chain = finding!.related.slice(-2);
    expect(chain).toEqual([
      { path: 'main.go', line: 14, column: 2, message: 'passed on: setFinalizer(obj, fin)' },
      { path: 'main.go', line: 18, column: 2, message: 'passed on to the runtime: runtime.SetFinalizer(obj, fin)' },
    ]);
  });

  it('carries the chain into every report format', async () => {
    const findings = await findingsOf('fg001_wrapper_passes_parameters_on');
    const runtimeCall = 'runtime.SetFinalizer(obj, fin)';
    expect(formatText(findings)).toContain(`main.go:13:3 passed on to the runtime: ${runtimeCall}`);
    expect(JSON.parse(formatJson(findings, { packages: 1, files: 1, parsedFiles: 1, bytes: 0, sites: 1, steps: 0, modulePackages: 0 })).findings[0].related).toContainEqual({
      path: 'main.go',
      line: 13,
      column: 3,
      message: `passed on to the runtime: ${runtimeCall}`,
    });
    const [result] = toSarif(findings, ruleCatalog, { lang: 'en', toolVersion: '0' }).runs[0]!.results;
    expect(result!.locations[0]!.physicalLocation.region.startLine).toBe(28);
    expect(result!.relatedLocations?.map((r) => [r.physicalLocation.region.startLine, r.message?.text])).toContainEqual([13, `passed on to the runtime: ${runtimeCall}`]);
    const annotation = toCheckAnnotation({ finding: findings[0]!, anchor: findings[0]! }, 'en');
    expect(annotation.start_line).toBe(28);
    expect(annotation.message).toContain(`passed on to the runtime: ${runtimeCall} (main.go:13)`);
  });

  it('does not report the wrapper\'s own call, which only passes its parameters on', async () => {
    expect(await findingsOf('clean_wrapper_object_not_on_cycle')).toEqual([]);
  });
});
