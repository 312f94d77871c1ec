// The entities feature as other folders see it (the boundary check lets them
// import nothing else from entities/): its commands. The entity combobox and
// its ranking are shared from ui/.
export { entityCommands } from './commands'
