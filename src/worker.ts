// Entry of a worker thread (dist/worker.js): analyzes directories with its own parser.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeDirectory, packResult, type AnalyzeOptions } from './engine.js';
import type { PackageDir } from './discover/sources.js';
import { serveThreads } from './threads.js';

serveThreads(workerData, parentPort!, async (dir: PackageDir, { options }: { options: AnalyzeOptions }) => packResult(await analyzeDirectory(dir, options)));
