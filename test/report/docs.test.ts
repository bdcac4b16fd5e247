// docs/rules.md shows each remediation as the tool prints it; this keeps the two in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { remediationMarkdown } from '../../src/rules/remediation.js';

const rulesDoc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
const ids = ['FG000', 'FG001', 'FG002', 'FG003', 'FG004', 'FG005', 'FG006', 'FG007', 'FG008', 'FG009'];

describe('docs/rules.md', () => {
  it('has a section and the current English remediation for every rule', () => {
    for (const id of ids) {
      expect(rulesDoc).toMatch(new RegExp(`^## ${id} [a-z-]+$`, 'm'));
      expect(rulesDoc).toContain(remediationMarkdown(id, { lang: 'en' }));
    }
  });

  it('shows the Go 1.24 paragraph of the rules whose advice depends on it', () => {
    for (const id of ['FG001', 'FG002', 'FG003', 'FG008']) {
      const modern = remediationMarkdown(id, { lang: 'en', goVersion: '1.24' }).split('\n\n').pop()!;
      expect(rulesDoc).toContain(`For Go 1.24 and later the last paragraph reads:\n\n${modern}`);
    }
  });
});
