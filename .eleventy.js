// The entry point Eleventy finds. The configuration and all logic are TypeScript in src/; tsx loads them
// on Node 20, which cannot strip types itself. Restart the dev server after changing src/.
import { tsImport } from "tsx/esm/api";

const { default: config } = await tsImport("./src/eleventy/config.ts", import.meta.url);
export default config;
