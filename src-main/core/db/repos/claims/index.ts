// Claims: subject — predicate — object, with the quoted passage they come
// from (a span anchor into the immutable text, like a mention's), an ordered
// attribution chain, a NATO Admiralty grade (source reliability A–F,
// information credibility 1–6) and a status.
//
// A claim whose object is an entity is a relationship on the map
// (graph.claimEdges). Without a passage, a claim is allowed only as an
// explicit analyst judgement: that is what a "link" is (schema 0006 turned
// the old `relations` table into such claims; see core/tagging/README.md).
//
// Split by what a module does: rows.ts (the one row → Claim mapping),
// queries.ts (reads), mutations.ts (writes). This file only re-exports, so
// `repos/claims` keeps its names for ops.ts and the exporters.
export { claimEdges, claimGroups, getClaim, listClaims, predicateSuggestions, type ClaimFilter } from './queries'
export { createClaim, deleteClaim, updateClaim, type ClaimInput, type PassageArgs } from './mutations'
