// Builds a canonical text (NFC) and its block boundaries, block by block.
import type { Block, BlockKind } from '../../contract/types'

export const BLOCK_SEPARATOR = '\n\n'

export class TextBuilder {
  private parts: string[] = []
  private length = 0
  private joined: string | null = null
  readonly blocks: Block[] = []

  /** Adds a block (trimmed, NFC); `page` is the 1-based page it sits on, for paged formats. */
  add(kind: BlockKind, raw: string, page?: number): void {
    const text = raw.normalize('NFC').trim()
    if (!text) return
    this.joined = null
    if (this.blocks.length) {
      this.parts.push(BLOCK_SEPARATOR)
      this.length += BLOCK_SEPARATOR.length
    }
    const block: Block = { start: this.length, end: this.length + text.length, kind }
    if (page !== undefined) block.page = page
    this.blocks.push(block)
    this.parts.push(text)
    this.length += text.length
  }

  /** Length of the text so far, in UTF-16 code units. */
  get size(): number {
    return this.length
  }

  get text(): string {
    // Kept once joined: the importers read it more than once, and joining
    // flattens every paragraph built by concatenation.
    this.joined ??= this.parts.join('')
    return this.joined
  }
}
