// What is printed of an API error: never a credential, even one the server echoes.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/action/client.js';
import { describeApiError, redactSecrets } from '../../src/action/github.js';

describe('redactSecrets', () => {
  it('cuts out echoed credential headers, in JSON and as raw header lines', () => {
    expect(redactSecrets('Bad request; headers: {"authorization":"token abc","accept":"x"}')).toBe('Bad request; headers: {"authorization":"[redacted]","accept":"x"}');
    expect(redactSecrets('echo:\nAuthorization: Bearer abc.def\nCookie: s=1; t=2\nX-Api-Key: k\nAccept: */*')).toBe(
      'echo:\nAuthorization: [redacted]\nCookie: [redacted]; t=2\nX-Api-Key: [redacted]\nAccept: */*',
    );
  });

  it('cuts out tokens shaped like GitHub tokens wherever they stand', () => {
    expect(redactSecrets('ghs_0123456789abcdefghijABCDEFGHIJ and github_pat_11AAAAAAA0123456789abcdefghij seen')).toBe('[redacted] and [redacted] seen');
    expect(redactSecrets('sent bearer 0123456789abcdefghij0123')).toBe('sent [redacted]');
  });

  it('cuts out the token the client was made with, whatever its shape', () => {
    const token = '0123456789abcdef0123456789abcdef01234567';
    createClient({ token, apiUrl: 'https://api.github.example', log: () => {} });
    expect(describeApiError(Object.assign(new Error(`you sent ${token}`), { status: 401 }))).toBe('HTTP 401: you sent [redacted]');
  });

  it('leaves ordinary messages alone', () => {
    for (const text of ['Resource not accessible by integration', 'The token cannot create check runs', 'github-token is empty', 'Not Found']) expect(redactSecrets(text)).toBe(text);
  });
});
