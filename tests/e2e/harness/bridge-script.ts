import { resolve } from 'node:path';
import { build, type Rollup } from 'vite';

let cached: Promise<string> | undefined;

/** The preload stand-in bundled into one classic script, built once per test process. */
export function bridgeScript(): Promise<string> {
  cached ??= (async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        emptyOutDir: false,
        lib: { entry: resolve(import.meta.dirname, 'bridge-entry.ts'), formats: ['iife'], name: 'NewsdeskHarnessBridge' },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    const chunk = outputs[0]?.output.find((item) => item.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('Could not bundle the harness bridge');
    return chunk.code;
  })();
  return cached;
}
