// The console's messages are split by resource: admin-ui/src/<resource>/messages.ts, in English and
// Chinese side by side, merged in ./index.ts. Add a key there; this file only keeps the old import path.
export { en } from './index';
