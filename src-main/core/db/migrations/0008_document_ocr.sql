-- 0008: which pages of a PDF were recognised by OCR (they had no text layer),
-- and how sure the recogniser was: JSON {"lang": "eng", "confidence": 91.2,
-- "pages": [{"page": 1, "confidence": 90.8}, ...]} (confidences 0–100, the
-- mean word confidence, weighted by characters). Null for every document read
-- from a text layer or file text, and for documents imported before this
-- migration. It describes how the immutable text was made, so it is
-- immutable too.

ALTER TABLE documents ADD COLUMN ocr TEXT CHECK (ocr IS NULL OR json_valid(ocr));

CREATE TRIGGER documents_ocr_is_immutable
BEFORE UPDATE OF ocr ON documents
BEGIN
  SELECT RAISE(ABORT, 'a document''s OCR record is immutable');
END;
