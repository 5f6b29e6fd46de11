/** `list` cut into consecutive slices of `size` (the last may be shorter): launch batches, stored pages, query pages. */
export const inSlices = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
