declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape'
  const svg: Ext
  export default svg
}
