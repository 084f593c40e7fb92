/**
 * Makes `assets/social-card.png`: the one image that shared links show (og:image, twitter:image), 1200×630
 * in the site's colours (assets/site.css: the header's blue, its light-blue stripe, white text), drawn from
 * HTML by Debian's Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium) so that it can be made again after
 * the name or the colours change: `npx tsx scripts/social-card.ts`, then commit the PNG.
 */
import { chromium } from "playwright-core";
import { SITE_NAME, SOCIAL_CARD } from "../src/model/frame.ts";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><style>
  html, body { margin: 0; }
  body {
    width: ${SOCIAL_CARD.width}px; height: ${SOCIAL_CARD.height}px; box-sizing: border-box;
    display: flex; flex-direction: column; justify-content: center; padding: 0 96px;
    background: #12324f; color: #fff; border-bottom: 24px solid #5694ca;
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  }
  .organisation { font-size: 168px; font-weight: 700; line-height: 1; letter-spacing: -2px; }
  .service { margin-top: 24px; font-size: 64px; line-height: 1.15; }
</style></head>
<body><div class="organisation">${escape(SITE_NAME.organisation)}</div><div class="service">${escape(SITE_NAME.service)}</div></body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--font-render-hinting=none"],
});
try {
  const page = await browser.newPage({
    viewport: { width: SOCIAL_CARD.width, height: SOCIAL_CARD.height },
    deviceScaleFactor: 1,
  });
  await page.setContent(html);
  await page.screenshot({ path: `assets/${SOCIAL_CARD.asset}`, type: "png" });
  console.log(`wrote assets/${SOCIAL_CARD.asset} (${SOCIAL_CARD.width}×${SOCIAL_CARD.height})`);
} finally {
  await browser.close();
}
