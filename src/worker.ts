// Entry of a worker thread (dist/worker.js): analyzes directories with its own parser.
import { parentPort } from 'node:worker_threads';
import { analyzeDirectory, type AnalyzeOptions } from './engine.js';
import type { PackageDir } from './discover/sources.js';
import { serveThreads } from './threads.js';

serveThreads(parentPort!, (dir: PackageDir, { options }: { options: AnalyzeOptions }) => analyzeDirectory(dir, options));
