// jsonexport (react-admin's CSV writer) ships no types: the part csvExporter (common/csv.ts) uses.
declare module 'jsonexport/dist' {
  interface Options {
    /** Per value type (String, Number, Boolean, Date, Object…), what is written for a value. */
    typeHandlers?: { String?: (value: string, name: string) => string };
    /** Quote every field. */
    forceTextDelimiter?: boolean;
  }
  export default function jsonExport(data: unknown, options: Options, callback: (error: Error | null, csv: string) => void): void;
}
