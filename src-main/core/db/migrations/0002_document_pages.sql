-- 0002: a PDF's page count. Null for formats without pages (text, Markdown,
-- HTML, Word) and for every document imported before this migration. Block
-- page numbers live in the blocks JSON as an optional 4th element:
-- [start, end, kind, page].

ALTER TABLE documents ADD COLUMN pages INTEGER CHECK (pages IS NULL OR pages >= 0);
