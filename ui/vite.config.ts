import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The Tauri window loads ui/dist (release, e2e) or this dev server (`make dev`).
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", sourcemap: false },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
