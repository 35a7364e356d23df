#!/usr/bin/env node
// Serves a built site as plain files: node bin/serve.mjs [dir=dist] [port=4321] [base=/]
// (`npm run preview`; also used by the browser tests and the benchmark).
import { startStaticServer } from './static-server.mjs';

const [dir = 'dist', port = '4321', base = '/'] = process.argv.slice(2);
const { url } = await startStaticServer({ dir, port, base });
console.log(`Serving ${dir} at ${url}`);
