// Vite config: builds into $NW_UI_OUT (set by build.sh) or dist/; dev server proxies /api to the api-server.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  // Relative asset URLs: the api-server may serve the UI from any path.
  base: './',
  build: {
    outDir: process.env.NW_UI_OUT || 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // ECharts in its own long-cacheable chunk, apart from the app code.
        manualChunks: (id) => (/node_modules[\\/](echarts|zrender)[\\/]/.test(id) ? 'echarts' : undefined),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: process.env.NW_API_TARGET || 'http://localhost:8080', changeOrigin: true },
    },
  },
});
