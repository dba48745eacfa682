#!/usr/bin/env node
// The npm bin entry: lets Node load the TypeScript sources through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
await main();
