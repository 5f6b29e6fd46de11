// ISO 8601 durations of the settings (title validity "P1Y") in words.
const PARTS: [RegExp, string][] = [
  [/(\d+)Y/, 'year'],
  [/(\d+)M/, 'month'],
  [/(\d+)W/, 'week'],
  [/(\d+)D/, 'day'],
];

/** "P1Y" → "1 年" / "1 year"; anything unusual is shown as given. */
export const formatDuration = (value: string | null | undefined, translate: (key: string, options?: object) => string): string => {
  if (!value) return '';
  const date = /^P([^T]*)$/.exec(value)?.[1];
  if (date == null) return value;
  const words = PARTS.flatMap(([re, unit]) => {
    const n = re.exec(date)?.[1];
    return n ? [translate(`app.duration.${unit}`, { smart_count: Number(n) })] : [];
  });
  return words.length ? words.join(' ') : value;
};
