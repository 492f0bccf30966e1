/**
 * Chromium's software WebGPU here: SwiftShader through Vulkan (WebGL is then not available). Shared by
 * e2e/webgpu.spec.ts and the bench's webgpu scenario.
 */
export const WEBGPU_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-angle=vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
  '--disable-vulkan-surface',
];
