import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The Tauri window loads ui/dist (release, e2e) or this dev server (`make dev`).
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  // The fonts live with the exporter (crates/tiermap-export/fonts), so the
  // canvas and every export draw text with the very same files.
  server: { port: 5173, strictPort: true, fs: { allow: [".", "../crates/tiermap-export/fonts"] } },
  build: { target: "es2022", sourcemap: false },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
