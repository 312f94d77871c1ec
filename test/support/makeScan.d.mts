// Types for makeScan.mjs (a plain .mjs so the bench, in plain Node, shares it).
export interface ScanImage {
  gray: Uint8Array
  width: number
  height: number
  ptWidth: number
  ptHeight: number
}
export function renderPages(bytes: Uint8Array, pages: number[], dpi?: number): Promise<ScanImage[]>
export function blankPage(dpi?: number): ScanImage
export function imagePdf(images: ScanImage[]): Buffer
export function scanOf(bytes: Uint8Array, pages: number[], dpi?: number): Promise<Buffer>
