// Runs one piece of work per item on several threads, this one included.
// Each thread claims the next item from a shared counter when it is done
// with one, so a busy thread never holds up another.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from './errors.js';

/** The worker entry sits next to the bundle (dist/worker.js); from sources there is none, and all runs here. */
export const workerFile = join(dirname(fileURLToPath(import.meta.url)), 'worker.js');

/**
 * Below this many bytes of files that may call a finalizer function per
 * thread, starting another thread (about 70 ms, its own parser) costs more
 * than it saves: the Go standard library has 0.8 to 1.5 MB of them, a
 * monorepo with a few finalizer packages some tens of KB.
 */
const bytesPerThread = 256 * 1024;

/**
 * How many threads for `items` directories that passed the prefilter, whose
 * files that may call weigh `bytes`: FINALIZER_GUARD_THREADS when set, else by
 * cores and that weight.
 */
export function threadCount(bytes: number, items: number): number {
  if (!existsSync(workerFile)) return 1;
  const forced = process.env.FINALIZER_GUARD_THREADS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.max(1, Math.min(Number(forced), items));
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(bytes / bytesPerThread), items));
}

/** The next item to work on, claimed atomically. */
function claimNext(counter: Int32Array): number {
  return Atomics.add(counter, 0, 1);
}

/** What a worker is sent: every item, the shared counter, and whatever else the work needs. */
interface WorkerJob<Item, Extra> {
  items: Item[];
  counter: Int32Array;
  extra: Extra;
}

type WorkerReply<Result> = { index: number; result: Result } | { done: true } | { error: string; usage: boolean };

/** Results in item order; the first failure on any thread ends the run. */
export async function runOnThreads<Item, Extra, Result>(
  items: Item[],
  threads: number,
  extra: Extra,
  runHere: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array(items.length);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const onWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: WorkerReply<Result>) => {
        if ('error' in reply) reject(reply.usage ? new UsageError(reply.error) : new Error(reply.error));
        else if ('done' in reply) resolve();
        else results[reply.index] = reply.result;
      });
      worker.on('error', reject);
      // A worker that ends without a word must not leave the run waiting (after resolve this does nothing).
      worker.once('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code})`)));
      worker.postMessage({ items, counter, extra } satisfies WorkerJob<Item, Extra>);
    });
  const onThisThread = async () => {
    for (let index = claimNext(counter); index < items.length; index = claimNext(counter)) {
      results[index] = await runHere(items[index]!);
    }
  };
  // A small young generation keeps a worker's short-lived garbage (file text, tree nodes) from piling up in memory.
  const workers = Array.from({ length: threads - 1 }, () => new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 8 } }));
  try {
    await Promise.all([...workers.map(onWorker), onThisThread()]);
  } catch (error) {
    // One failure ends the run: no thread claims another item.
    Atomics.store(counter, 0, items.length);
    throw error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** The worker side: claims items and runs the work on each until none is left. */
export function serveThreads<Item, Extra, Result>(port: { once(event: 'message', listener: (job: WorkerJob<Item, Extra>) => void): unknown; postMessage(reply: WorkerReply<Result>): void }, run: (item: Item, extra: Extra) => Promise<Result>): void {
  port.once('message', async ({ items, counter, extra }) => {
    try {
      for (let index = claimNext(counter); index < items.length; index = claimNext(counter)) {
        port.postMessage({ index, result: await run(items[index]!, extra) });
      }
      port.postMessage({ done: true });
    } catch (error) {
      port.postMessage({ error: (error as Error).message ?? String(error), usage: error instanceof UsageError });
    }
  });
}
