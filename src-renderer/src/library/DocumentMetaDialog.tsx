// Correcting a document's title, byline, publisher and date. The text itself
// never changes: every tag points into it.
import { useState } from 'react'
import { FormModal } from '../ui/FormModal'
import { useStore } from '../store'
import { formatDateTime } from '../ui/format'

export function DocumentMetaDialog({ documentId, onClose }: { documentId: number; onClose(): void }) {
  const doc = useStore((s) => s.documents.find((d) => d.id === documentId))
  const update = useStore((s) => s.updateDocumentMeta)
  const guard = useStore((s) => s.guard)
  const [title, setTitle] = useState(doc?.title ?? '')
  const [byline, setByline] = useState(doc?.byline ?? '')
  const [siteName, setSiteName] = useState(doc?.siteName ?? '')
  const [published, setPublished] = useState(doc?.publishedTime ?? '')
  if (!doc) return null
  const save = async () => {
    const done = await guard(async () => {
      await update({ id: documentId, title: title.trim(), byline: byline.trim() || null, siteName: siteName.trim() || null, publishedTime: published.trim() || null })
      return true
    })
    if (done) onClose()
  }
  return (
    <FormModal
      title="Document details"
      onClose={onClose}
      onSave={() => void save()}
      canSave={!!title.trim()}
      after={
        <p className="muted meta-provenance">
          {doc.sourcePath}
          <br />
          {(doc.fileSize / 1024).toFixed(1)} KB · sha256 {doc.sha256} · imported {formatDateTime(doc.importedAt)}
        </p>
      }
    >
      <label htmlFor="meta-title">Title</label>
      <input id="meta-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="meta-byline">Byline</label>
      <input id="meta-byline" value={byline} onChange={(e) => setByline(e.target.value)} />
      <label htmlFor="meta-site">Publisher</label>
      <input id="meta-site" value={siteName} onChange={(e) => setSiteName(e.target.value)} />
      <label htmlFor="meta-date">Published</label>
      <input id="meta-date" value={published} placeholder="2026-11-27" onChange={(e) => setPublished(e.target.value)} />
    </FormModal>
  )
}
