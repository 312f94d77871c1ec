// Builds a canonical text (NFC) and its block boundaries, block by block.
// A table is one block whose rows are joined by "\n" and cells by "\t" (so
// copying it gives tab-separated values a spreadsheet reads as a table); its
// cells are trimmed one by one and the table as a whole is not, so an empty
// first cell keeps its place. Merged cells' extents (Block.spans) follow the
// rows that are kept: a rowspan over a row left out (no text) shrinks by it,
// and an empty merged cell in such a row is lost with it (its neighbours
// then draw one column short: the text has no cell to hang it on).
import type { Block, BlockKind, CellSpan } from '../../contract/types'

export const BLOCK_SEPARATOR = '\n\n'

export class TextBuilder {
  private parts: string[] = []
  private length = 0
  private joined: string | null = null
  readonly blocks: Block[] = []

  /** Adds a block (trimmed, NFC); `page` is the 1-based page it sits on, for paged formats. */
  add(kind: BlockKind, raw: string, page?: number, extra?: Pick<Block, 'level' | 'n'>): void {
    const text = raw.normalize('NFC').trim()
    if (!text) return
    const block = this.push(kind, text, page)
    if (extra?.level) block.level = extra.level
    if (extra?.n !== undefined) block.n = extra.n
  }

  /**
   * Adds a table: `rows` of cell texts (each cell already free of tabs and
   * line breaks). Rows with no text are left out; `head` counts the header
   * rows at the top and `spans` are the merged cells, both indexing `rows`
   * (before any is left out).
   */
  addTable(rows: readonly (readonly string[])[], head = 0, spans: readonly CellSpan[] = []): void {
    let heads = 0
    const kept: string[] = []
    // kept before row i: keptBefore[i], which is row i's index in the block's text when it is kept.
    const keptBefore = [0]
    rows.forEach((cells, i) => {
      const clean = cells.map((c) => c.normalize('NFC').trim())
      if (clean.some(Boolean)) {
        kept.push(clean.join('\t'))
        if (i < head) heads++
      }
      keptBefore.push(kept.length)
    })
    if (!kept.length) return
    const block = this.push('table', kept.join('\n'))
    if (heads) block.head = heads
    const merged: CellSpan[] = []
    for (const [r, c, colspan, rowspan] of spans) {
      if (!(r >= 0 && r < rows.length && keptBefore[r + 1]! > keptBefore[r]!) || !(c >= 0 && c < rows[r]!.length)) continue
      const down = keptBefore[Math.min(r + Math.max(rowspan, 1), rows.length)]! - keptBefore[r]!
      if (colspan > 1 || down > 1) merged.push([keptBefore[r]!, c, Math.max(colspan, 1), down])
    }
    if (merged.length) block.spans = merged
  }

  private push(kind: BlockKind, text: string, page?: number): Block {
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
    return block
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
