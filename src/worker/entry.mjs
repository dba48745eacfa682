// The worker pool's entry: a worker thread starts without the TypeScript loader the main
// thread runs under (`tsx src/server.ts` or `node --import tsx`), so register it here first.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./tasks.ts');
export default run;
