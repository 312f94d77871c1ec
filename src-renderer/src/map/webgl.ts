// Whether to draw the map with Cytoscape's WebGL renderer (Cytoscape ≥ 3.31).
// It helps on a real GPU; on a software rasteriser (SwiftShader, llvmpipe:
// CI, virtual machines, --disable-gpu) it is slower than the canvas, so it is
// used only where the GPU is hardware. `localStorage['rwb.map.renderer']` =
// 'webgl' | 'canvas' overrides the choice (the benchmark compares both).

export type RendererChoice = 'webgl' | 'canvas'

export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i.test(name)
}

let detected: RendererChoice | null = null

export function chooseRenderer(): RendererChoice {
  try {
    const forced = localStorage.getItem('rwb.map.renderer')
    if (forced === 'webgl' || forced === 'canvas') return forced
  } catch {
    // no storage: decide by the GPU
  }
  if (detected) return detected
  detected = 'canvas'
  try {
    const gl = document.createElement('canvas').getContext('webgl2')
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info')
      const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER))
      if (!isSoftwareRenderer(name)) detected = 'webgl'
      gl.getExtension('WEBGL_lose_context')?.loseContext()
    }
  } catch {
    detected = 'canvas'
  }
  return detected
}
