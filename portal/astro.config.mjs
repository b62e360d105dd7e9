import { defineConfig } from 'astro/config'

// Astro reads this variable lazily, after loading the configuration, before it would send its
// build event; setting it here keeps builds offline without asking every shell to export it.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1'

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Chinese at the root as before, English under /en/; pages read Astro.currentLocale.
  i18n: {
    locales: ['zh-CN', 'en'],
    defaultLocale: 'zh-CN',
    routing: { prefixDefaultLocale: false },
  },
  vite: {
    // maplibre-gl alone is about 1 MB minified and loads only on the map page.
    build: { chunkSizeWarningLimit: 1200 },
  },
})
