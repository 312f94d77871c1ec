// The fixture project of issue 12: the seed article and two corpus pages
// (BBC, English; QQ, Chinese), imported the way the app imports files, with
// entities that have aliases, a Cyrillic and a CJK name and a name with
// & < > ", their mentions, and claims of every kind: a refuted one, a money
// claim "up to", a date claim, an analyst judgement, attribution chains and
// a country. Every claim's expected meaning is returned alongside, so each
// format's test can check status, grades, attribution and value.
import { join } from 'node:path'
import type { ClaimObject, ClaimQualifier, ClaimStatus } from '../../src-main/contract/types'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { SHARED } from '../support/tempDir'
import { importFile, seedPath, type DocInfo } from './exportFixture'

export const CORPUS_PAGES = ['bbc-1', 'qq']

export const NAMES = {
  cyrillic: 'Барак Обама',
  cjk: '谷歌',
  special: 'TSG Invest <"A&B">'
}

export interface ExpectedClaim {
  id: number
  subject: string
  predicate: string
  object: ClaimObject
  /** The object's name, for an entity object. */
  objectName?: string
  qualifier: ClaimQualifier
  status: ClaimStatus
  reliability: string
  credibility: number
  grade: string
  judgement: boolean
  /** [role, source name] in order. */
  attribution: [string, string][]
  quote: string | null
  notes: string
}

export interface ClaimsFixture {
  db: ProjectDb
  path: string
  docs: { seed: DocInfo; bbc: DocInfo; qq: DocInfo }
  entities: Record<string, number>
  claims: Record<string, ExpectedClaim>
  mentionCount: number
}

export function corpusPage(name: string): string {
  return join(SHARED, 'corpus', 'html', name, 'source.html')
}

export async function buildClaimsProject(dir: string, name = 'Claims fixture.rwb'): Promise<ClaimsFixture> {
  const path = join(dir, name)
  const db = await ProjectDb.open(path, { create: true, saveDelayMs: 60_000 })
  const seed = await importFile(db, seedPath())
  const bbc = await importFile(db, corpusPage('bbc-1'))
  const qq = await importFile(db, corpusPage('qq'))
  const entities: Record<string, number> = {}
  const names: Record<number, string> = {}
  const make = async (key: string, entityName: string, type: string, aliases: string[] = [], notes = '') => {
    const e = await db.call('entities.create', { name: entityName, type })
    entities[key] = e.id
    names[e.id] = entityName
    for (const a of aliases) await db.call('aliases.add', { entityId: e.id, name: a })
    if (notes) await db.call('entities.update', { id: e.id, notes })
  }
  await make('dod', 'U.S. Department of Defense', 'PublicBody', ['DoD', 'the Pentagon'])
  await make('scale', 'Scale AI', 'Company', ['Scale'], 'Data-labeling contractor; "defense tech" darling')
  await make('meta', 'Meta', 'Company', ['Meta Platforms'])
  await make('anthropic', 'Anthropic', 'Company')
  await make('nextfin', 'NextFin', 'Source')
  await make('tsg', NAMES.special, 'Source', ['TSG'])
  await make('thorne', 'Marcus Thorne', 'Person')
  await make('gsi', 'Global Security Institute', 'Organization')
  await make('obama', NAMES.cyrillic, 'Person', ['Barack Obama', 'Mr Obama'])
  await make('us', 'United States', 'Location', ['US'])
  await make('sf', 'San Francisco', 'Location')
  await make('google', NAMES.cjk, 'Company', ['Google'])
  await make('deepmind', 'DeepMind', 'Company', ['深度思维'])

  let mentionCount = 0
  const at = (doc: DocInfo, quote: string, nth = 0) => {
    let i = -1
    for (let k = 0; k <= nth; k++) {
      i = doc.text.indexOf(quote, i + 1)
      if (i < 0) throw new Error(`"${quote}" #${nth} is not in document ${doc.id}`)
    }
    return i
  }
  const tag = async (doc: DocInfo, key: string, quote: string, nth = 0) => {
    const start = at(doc, quote, nth)
    await db.call('mentions.create', { documentId: doc.id, entityId: entities[key]!, start, end: start + quote.length })
    mentionCount++
  }
  await tag(seed, 'dod', 'U.S. Department of Defense', 1)
  await tag(seed, 'scale', 'Scale AI', 2)
  await tag(seed, 'scale', 'Scale AI', 3)
  await tag(seed, 'meta', 'Meta', 1)
  await tag(seed, 'tsg', 'TSG Invest')
  await tag(seed, 'thorne', 'Marcus Thorne')
  await tag(seed, 'gsi', 'Global Security Institute')
  await tag(seed, 'sf', 'San Francisco')
  await tag(seed, 'anthropic', 'Anthropic')
  await tag(bbc, 'obama', 'Barack Obama')
  await tag(bbc, 'obama', 'Mr Obama')
  await tag(bbc, 'us', 'US')
  await tag(qq, 'google', '谷歌')
  await tag(qq, 'deepmind', 'DeepMind', 1)

  const claims: Record<string, ExpectedClaim> = {}
  const claim = async (
    key: string,
    c: {
      subject: string
      predicate: string
      object: ClaimObject | { entity: string }
      qualifier?: ClaimQualifier
      passage?: [DocInfo, string]
      judgement?: boolean
      attribution?: [string, string][]
      reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F'
      credibility: 1 | 2 | 3 | 4 | 5 | 6
      status: ClaimStatus
      notes?: string
    }
  ) => {
    const object: ClaimObject = 'entity' in c.object ? { kind: 'entity', entityId: entities[c.object.entity]! } : c.object
    const start = c.passage ? at(c.passage[0], c.passage[1]) : 0
    const made = await db.call('claims.create', {
      subjectId: entities[c.subject]!,
      predicate: c.predicate,
      object,
      qualifier: c.qualifier ?? 'exact',
      passage: c.passage ? { documentId: c.passage[0].id, start, end: start + c.passage[1].length } : null,
      analystJudgement: c.judgement ?? false,
      attribution: (c.attribution ?? []).map(([role, e]) => ({ role: role as 'reported by', entityId: entities[e]! })),
      reliability: c.reliability,
      credibility: c.credibility,
      status: c.status,
      notes: c.notes ?? ''
    })
    claims[key] = {
      id: made.id,
      subject: names[entities[c.subject]!]!,
      predicate: c.predicate,
      object,
      objectName: object.kind === 'entity' ? names[object.entityId] : undefined,
      qualifier: c.qualifier ?? 'exact',
      status: c.status,
      reliability: c.reliability,
      credibility: c.credibility,
      grade: `${c.reliability}${c.credibility}`,
      judgement: c.judgement ?? false,
      attribution: (c.attribution ?? []).map(([role, e]) => [role, names[entities[e]!]!]),
      quote: c.passage ? c.passage[1] : null,
      notes: c.notes ?? ''
    }
  }
  const contract = 'The U.S. Department of Defense has awarded Scale AI a $500 million contract'
  await claim('contract', {
    subject: 'dod',
    predicate: 'awarded contract to',
    object: { entity: 'scale' },
    passage: [seed, contract],
    attribution: [['reported by', 'nextfin']],
    reliability: 'B',
    credibility: 2,
    status: 'corroborated'
  })
  await claim('payment', {
    subject: 'dod',
    predicate: 'awarded contract to',
    object: { kind: 'money', amount: '500000000', currency: 'USD' },
    passage: [seed, contract],
    attribution: [['reported by', 'nextfin']],
    reliability: 'B',
    credibility: 2,
    status: 'corroborated',
    notes: 'Five-fold the 2025 agreement.'
  })
  await claim('valuation', {
    subject: 'scale',
    predicate: 'valuation',
    object: { kind: 'money', amount: '29000000000', currency: 'USD' },
    qualifier: 'up to',
    passage: [seed, 'has since seen its private market valuation fluctuate as high as $29 billion, according to data from TSG Invest'],
    attribution: [
      ['reported by', 'nextfin'],
      ['according to', 'tsg']
    ],
    reliability: 'C',
    credibility: 3,
    status: 'disputed',
    notes: 'Private market figure; no filing behind it.'
  })
  await claim('signed', {
    subject: 'scale',
    predicate: 'previous agreement signed',
    object: { kind: 'date', date: '2025' },
    qualifier: 'about',
    passage: [seed, 'previous $100 million agreement signed in late 2025'],
    attribution: [['reported by', 'nextfin']],
    reliability: 'B',
    credibility: 3,
    status: 'unverified'
  })
  await claim('owns', {
    subject: 'meta',
    predicate: 'owns',
    object: { entity: 'scale' },
    passage: [seed, 'the Meta-backed startup'],
    attribution: [['reported by', 'nextfin']],
    reliability: 'D',
    credibility: 5,
    status: 'refuted',
    notes: 'Meta holds a minority stake; it does not own Scale AI.'
  })
  await claim('employs', {
    subject: 'thorne',
    predicate: 'works for',
    object: { entity: 'gsi' },
    passage: [seed, 'said Marcus Thorne, a senior defense analyst at the Global Security Institute'],
    attribution: [['said', 'thorne']],
    reliability: 'B',
    credibility: 2,
    status: 'corroborated'
  })
  await claim('dispute', {
    subject: 'anthropic',
    predicate: 'is in dispute with',
    object: { entity: 'dod' },
    judgement: true,
    reliability: 'F',
    credibility: 3,
    status: 'unverified',
    notes: 'My reading of the litigation reports.'
  })
  await claim('based', {
    subject: 'scale',
    predicate: 'based in',
    object: { entity: 'sf' },
    passage: [seed, 'the San Francisco-based firm'],
    reliability: 'A',
    credibility: 1,
    status: 'corroborated'
  })
  await claim('president', {
    subject: 'obama',
    predicate: 'is president of',
    object: { entity: 'us' },
    passage: [bbc, 'President Barack Obama has admitted that his failure to pass'],
    attribution: [['reported by', 'obama']],
    reliability: 'A',
    credibility: 1,
    status: 'corroborated'
  })
  const acquired = '谷歌 ( 微博 ) 在2014年收购的人工智能公司DeepMind'
  const acquiredQuote = qq.text.includes(acquired) ? acquired : qq.text.slice(qq.text.indexOf('谷歌'), qq.text.indexOf('DeepMind', qq.text.indexOf('谷歌')) + 8)
  await claim('acquired', {
    subject: 'google',
    predicate: 'acquired',
    object: { entity: 'deepmind' },
    passage: [qq, acquiredQuote],
    reliability: 'B',
    credibility: 1,
    status: 'corroborated'
  })
  await claim('acquiredIn', {
    subject: 'google',
    predicate: 'acquired',
    object: { kind: 'date', date: '2014' },
    passage: [qq, acquiredQuote],
    reliability: 'B',
    credibility: 1,
    status: 'corroborated'
  })
  return { db, path, docs: { seed, bbc, qq }, entities, claims, mentionCount }
}
