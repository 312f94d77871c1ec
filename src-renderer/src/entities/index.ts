// The entities feature as other folders see it (the boundary check lets them
// import nothing else from entities/). Kept to what is used outside.
export { aliasesByEntity, matchEntities, type EntityMatch } from './matchEntities'
