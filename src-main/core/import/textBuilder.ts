// Builds a canonical text (NFC) and its block boundaries, block by block.
import type { Block, BlockKind } from '../../contract/types'

export const BLOCK_SEPARATOR = '\n\n'

export class TextBuilder {
  private parts: string[] = []
  private length = 0
  readonly blocks: Block[] = []

  add(kind: BlockKind, raw: string): void {
    const text = raw.normalize('NFC').trim()
    if (!text) return
    if (this.blocks.length) {
      this.parts.push(BLOCK_SEPARATOR)
      this.length += BLOCK_SEPARATOR.length
    }
    this.blocks.push({ start: this.length, end: this.length + text.length, kind })
    this.parts.push(text)
    this.length += text.length
  }

  get text(): string {
    return this.parts.join('')
  }
}
