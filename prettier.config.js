// House style (README "House style"): Prettier formats the server and the console alike, two-space indents.
// printWidth 160: the server was written with long lines (one line in ten was over 120 columns, one in twenty-
// five over 160), and a bilingual call such as badRequest('中文…', 'English…') reads best on one line; at 160,
// formatting moved about 21,000 server lines, at 120 about 29,000, at 100 about 36,000 (measured before the
// first `npm run format`). Comments are not rewrapped by Prettier; they are wrapped at about 110 columns.
/** @type {import('prettier').Config} */
export default {
  printWidth: 160,
  singleQuote: true,
};
