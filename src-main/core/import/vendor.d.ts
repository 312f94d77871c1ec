// Modules without type declarations of their own.

// pdf.js's worker module, imported so pdf.js runs its worker in this thread.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
// html-encoding-sniffer (jsdom's own sniffer, the WHATWG "prescan") ships no types.
declare module 'html-encoding-sniffer' {
  /** The encoding a BOM, a transport label or a <meta charset> in the first 1024 bytes declares, else `defaultEncoding`. */
  export default function sniffHTMLEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string }
  ): string
}
