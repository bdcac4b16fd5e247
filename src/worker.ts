// Entry of a worker thread (dist/worker.js): claims directories from the
// shared counter and analyzes them with its own parser until none is left.
import { parentPort } from 'node:worker_threads';
import { analyzeDirectory, claimNext, type WorkerJob, type WorkerReply } from './engine.js';
import { UsageError } from './errors.js';

const reply = (message: WorkerReply) => parentPort!.postMessage(message);

parentPort!.once('message', async ({ dirs, options, counter }: WorkerJob) => {
  try {
    for (let index = claimNext(counter); index < dirs.length; index = claimNext(counter)) {
      reply({ index, result: await analyzeDirectory(dirs[index]!, options) });
    }
    reply({ done: true });
  } catch (error) {
    reply({ error: (error as Error).message ?? String(error), usage: error instanceof UsageError });
  }
});
