// The GitHub I/O edge: an octokit that retries 5xx answers and waits out
// rate limits, pointed at GITHUB_API_URL (GitHub Enterprise Server too).
// Only loadClient loads this file in the Action's main step.
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { keepSecret, redactSecrets } from './github.js';

// The retry plugin outermost: each retry of a write goes through the throttling
// plugin's write queue again, and so keeps its spacing from the writes around it.
const Client = GitHub.plugin(throttling, retry);
export type Octokit = InstanceType<typeof Client>;

export interface ClientOptions {
  token: string;
  apiUrl: string;
  /** Informs about waits; never sees the token. */
  log: (message: string) => void;
  /**
   * The unit of waiting in ms: retries wait 1, 4, 9 units, writes are spaced
   * one unit apart as GitHub asks. 1000 unless the tests shorten it.
   */
  delayUnit?: number;
}

/** The longest wait a rate limit may ask for before the Action gives up. */
export const maxRateLimitWaitSeconds = 300;

// The retry plugin's default list, plus 429: a secondary rate limit answered
// with 429 must reach the throttling plugin, which waits as retry-after says,
// instead of being retried on the retry plugin's own schedule.
const notRetried = [400, 401, 403, 404, 410, 422, 429, 451];

export function createClient({ token, apiUrl, log: print, delayUnit = 1000 }: ClientOptions): Octokit {
  keepSecret(token);
  const log = (message: string) => print(redactSecrets(message));
  const limitRetry = (kind: string) => (retryAfter: number, options: any, _octokit: unknown, retryCount: number) => {
    const willRetry = retryCount < 3 && retryAfter <= maxRateLimitWaitSeconds;
    const why = retryCount >= 3 ? 'giving up after 3 retries' : `giving up: it asks to wait ${retryAfter} s, longer than ${maxRateLimitWaitSeconds} s`;
    log(`GitHub ${kind} on ${options.method} ${options.url}: ${willRetry ? `retrying in ${retryAfter} s` : why}`);
    return willRetry;
  };
  return new Client(
    getOctokitOptions(token, {
      baseUrl: apiUrl.replace(/\/+$/, ''),
      retry: { retryAfterBaseValue: delayUnit, doNotRetry: notRetried },
      throttle: {
        retryAfterBaseValue: delayUnit,
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: delayUnit }),
        onSecondaryRateLimit: limitRetry('secondary rate limit'),
        onRateLimit: limitRetry('rate limit'),
      },
      log: { debug: () => {}, info: () => {}, warn: log, error: log },
    }),
  );
}
