#!/usr/bin/env node
// The npm bin entry, built to dist/src/bin/sst-bidrag.js (npm run build): runs the CLI.
import { main } from '../cli.ts';

await main();
