// The extraction version, in a module of its own without zod: the core's
// document repository needs the number, and the command line's read-only
// commands load that repository without the API contract (cliStartup.test.ts).

/**
 * The extraction that new imports record (documents.extraction): 1 is every
 * document imported before tables became table blocks and list items carried
 * their depth and number; 2 keeps them. A document's text never changes by
 * itself: an older one is re-extracted only by an explicit re-import.
 */
export const CURRENT_EXTRACTION = 2
