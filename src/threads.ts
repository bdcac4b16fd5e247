// Runs one piece of work per item on several threads, this one included.
// Items are queued while this thread is still choosing them (reading and
// prefiltering directories), and workers start on them at once: a worker
// starts as soon as the work queued pays for it. Each thread claims the next
// item from a shared counter when it is done with one, so a busy thread
// never holds up another.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
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

/** FINALIZER_GUARD_THREADS when it is a number. */
function forcedThreads(): number | undefined {
  const forced = process.env.FINALIZER_GUARD_THREADS;
  return forced !== undefined && /^\d+$/.test(forced) ? Math.max(1, Number(forced)) : undefined;
}

/**
 * A worker that starts while this thread still has this many files to read
 * and prefilter is ready (about 70 ms) before this thread could take an item
 * (the standard library reads at about 0.15 ms a file), so it costs no time.
 */
const filesToReadAhead = 1000;

/**
 * How many threads `items` queued items whose files that may call weigh
 * `bytes` are worth, with `filesLeft` files still to read: FINALIZER_GUARD_THREADS
 * when set, else by cores and that weight, or one per item while there is
 * enough left to read; never more than the items.
 */
function threadsWorth(bytes: number, items: number, filesLeft: number): number {
  const wanted = forcedThreads() ?? Math.min(availableParallelism(), filesLeft >= filesToReadAhead ? items : Math.ceil(bytes / bytesPerThread));
  return Math.max(1, Math.min(wanted, items));
}

/** The cells of the state the threads share. */
const claimed = 0;
const queued = 1;
/** 1 once no item will be queued any more (or the run failed and no item is left to claim). */
const closed = 2;
/** Changes whenever `queued` or `closed` do: what a waiting worker sleeps on. */
const signal = 3;

/**
 * Claims the next item: its index, or undefined when the queue is closed
 * without it. A worker sleeps until the item is queued; this thread only
 * claims once the queue is closed, so it never waits.
 */
function claimNext(state: Int32Array): number | undefined {
  const index = Atomics.add(state, claimed, 1);
  for (;;) {
    const seen = Atomics.load(state, signal);
    if (index < Atomics.load(state, queued)) return index;
    if (Atomics.load(state, closed)) return undefined;
    Atomics.wait(state, signal, seen);
  }
}

/** What a worker starts with: the port items come on, the shared state, and whatever else the work needs. */
interface WorkerStart<Extra> {
  items: MessagePort;
  state: Int32Array;
  extra: Extra;
}

type WorkerReply<Sent> = { index: number; result: Sent } | { done: true } | { error: string; usage: boolean };

export interface ThreadPool<Item, Result> {
  /**
   * Queues an item whose files that may call weigh `bytes`, with `filesLeft`
   * files still to read for more; starts a worker when that pays for one more.
   */
  add(item: Item, bytes: number, filesLeft: number): void;
  /** Works on what is left on this thread too; the results in item order. The first failure on any thread ends the run. */
  results(): Promise<Result[]>;
  /** Stops every worker (after results, or when the run ends early). */
  dispose(): Promise<void>;
}

/** A pool for work that runs as `runHere` on this thread, and on a worker sends what `received` turns into the same result. */
export function threadPool<Item, Extra, Sent, Result>(extra: Extra, runHere: (item: Item) => Promise<Result>, received: (sent: Sent) => Result): ThreadPool<Item, Result> {
  const items: Item[] = [];
  const results: Result[] = [];
  const state = new Int32Array(new SharedArrayBuffer(4 * 4));
  const workers: { worker: Worker; port: MessagePort; finished: Promise<void> }[] = [];
  // Asked once, not at every item queued.
  const workersAvailable = existsSync(workerFile);
  let bytes = 0;
  const update = (cell: number, value: number) => {
    Atomics.store(state, cell, value);
    Atomics.add(state, signal, 1);
    Atomics.notify(state, signal);
  };
  let stopped = false;
  // One failure ends the run: no thread claims another item, and none is queued.
  const stop = () => {
    stopped = true;
    update(queued, 0);
    update(closed, 1);
  };
  const start = () => {
    const channel = new MessageChannel();
    // A small young generation keeps a worker's short-lived garbage (file text, tree nodes) from piling up in memory.
    const worker = new Worker(workerFile, {
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
      workerData: { items: channel.port2, state, extra } satisfies WorkerStart<Extra>,
      transferList: [channel.port2],
    });
    const finished = new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: WorkerReply<Sent>) => {
        if ('error' in reply) reject(reply.usage ? new UsageError(reply.error) : new Error(reply.error));
        else if ('done' in reply) resolve();
        else results[reply.index] = received(reply.result);
      });
      worker.on('error', reject);
      // A worker that ends without a word must not leave the run waiting (after resolve this does nothing).
      worker.once('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code})`)));
    });
    // A failure stops the others at once; results() reports it.
    finished.catch(stop);
    for (const item of items) channel.port1.postMessage(item);
    workers.push({ worker, port: channel.port1, finished });
  };
  return {
    add(item, weight, filesLeft) {
      if (stopped) return;
      items.push(item);
      bytes += weight;
      for (const { port } of workers) port.postMessage(item);
      update(queued, items.length);
      if (workersAvailable && workers.length + 1 < threadsWorth(bytes, items.length, filesLeft)) start();
    },
    async results() {
      update(closed, 1);
      const here = async () => {
        for (let index = claimNext(state); index !== undefined; index = claimNext(state)) results[index] = await runHere(items[index]!);
      };
      try {
        await Promise.all([...workers.map((w) => w.finished), here()]);
      } catch (error) {
        stop();
        throw error;
      }
      return results;
    },
    async dispose() {
      stop();
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}

/** The worker side: claims items and runs the work on each until the queue is closed and none is left. */
export function serveThreads<Item, Extra, Sent>(
  start: WorkerStart<Extra>,
  replies: { postMessage(reply: WorkerReply<Sent>): void },
  run: (item: Item, extra: Extra) => Promise<Sent>,
): void {
  const { items, state, extra } = start;
  const received: Item[] = [];
  void (async () => {
    try {
      for (let index = claimNext(state); index !== undefined; index = claimNext(state)) {
        while (received.length <= index) {
          const next = receiveMessageOnPort(items);
          // An item is posted before it is counted as queued; should its message lag, look again a moment later.
          if (next) received.push(next.message as Item);
          else Atomics.wait(state, signal, Atomics.load(state, signal), 1);
        }
        replies.postMessage({ index, result: await run(received[index]!, extra) });
      }
      replies.postMessage({ done: true });
    } catch (error) {
      replies.postMessage({ error: (error as Error).message ?? String(error), usage: error instanceof UsageError });
    }
  })();
}
