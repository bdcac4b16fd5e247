// The reporters turn findings into text for any consumer: none of them may lean on the Action.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/report/', import.meta.url);

describe('src/report', () => {
  it('imports nothing from src/action', () => {
    for (const name of readdirSync(dir)) expect(readFileSync(new URL(name, dir), 'utf8'), name).not.toMatch(/from '\.\.\/action\//);
  });
});
