import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by kinora under /admin; `npm run dev` proxies the API and media to a kinora serve.
const backend = process.env.KINORA_DEV_BACKEND ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  base: '/admin/',
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 800 },
  server: {
    port: 5174,
    proxy: Object.fromEntries(['/api', '/media', '/live'].map((p) => [p, { target: backend, changeOrigin: false }])),
  },
});
