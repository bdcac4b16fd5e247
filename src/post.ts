// The Action's post step (dist/post.js): see src/action/post.ts.
import { runPost } from './action/post.js';

await runPost();
